package io.pgshift.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A value pgshift's own converters refuse while the command line is parsed. The usage error puts the option's
 * name in front of the message: "--jobs must be at least 1".
 */
final class BadValue extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
        super(message);
    }
}
