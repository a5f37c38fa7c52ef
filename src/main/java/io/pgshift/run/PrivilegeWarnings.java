package io.pgshift.run;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A GRANT or REVOKE that the server refuses only in part answers with a WARNING, not an error: "no privileges
 * were granted" when the role running it holds the privilege but not the right to grant it, as a managed admin
 * that does not own an object often is. Left alone, the privilege would be lost without a word; this turns such a
 * warning into the failure it is.
 */
final class PrivilegeWarnings {
    /** warning_privilege_not_granted and warning_privilege_not_revoked. */
    private static final String NOT_GRANTED = "01007";
    private static final String NOT_REVOKED = "01006";

    private PrivilegeWarnings() {
    }

    /** Runs one statement of a plan entry, autocommitted or in the caller's transaction, then {@link #check}s it. */
    static void execute(java.sql.Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            check(st);
        }
    }

    /** Throws when the statement's last execution left a privilege ungranted or unrevoked. */
    static void check(Statement st) throws SQLException {
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
            if (NOT_GRANTED.equals(w.getSQLState()) || NOT_REVOKED.equals(w.getSQLState())) {
                st.clearWarnings();
                throw new SQLException("WARNING: " + w.getMessage().lines().findFirst().orElse("")
                        + " (the role running it may not grant or revoke all of it)", w.getSQLState(), w);
            }
        }
    }
}
