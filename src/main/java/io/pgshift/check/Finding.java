package io.pgshift.check;

import java.util.List;

/**
 * One result of the pre-flight check.
 *
 * @param code     stable, documented identifier such as {@code PGS-TARGET-NOT-EMPTY}; scripts may rely on it
 * @param severity error, warning or info
 * @param database the source database it concerns, or null for the servers as a whole
 * @param objects  the objects concerned, as a user would name them (may be empty)
 * @param message  what was found, one sentence
 * @param fix      what to do about it, or null when nothing needs doing
 */
public record Finding(String code, Severity severity, String database, List<String> objects, String message,
                      String fix) {
    public Finding {
        objects = List.copyOf(objects);
    }
}
