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
        String line = (newline >= 0 ? message.substring(0, newline) : message).strip();
        return lockTimeout(e) ? line + " (--lock-wait-timeout: another session holds a lock on the table that "
                + "conflicts with reading it, such as ALTER TABLE, TRUNCATE, VACUUM FULL or LOCK TABLE)" : line;
    }

    /** Whether a statement waited for a lock longer than its session's lock_timeout, which pgshift sets on request only. */
    public static boolean lockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "55P03".equals(s.getSQLState())
                    && s.getMessage() != null && s.getMessage().contains("lock timeout")) {
                return true;
            }
        }
        return false;
    }
}
