package io.pgshift;

import java.sql.SQLException;

/** Turns exceptions into the single line a user reads. */
public final class Errors {
    private Errors() {
    }

    /** The first line of the most useful message: the server's own words where there are some. */
    public static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof SQLException) && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
