package io.pgshift.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.pgshift.catalog.ServerVersion;

/**
 * The session settings pgshift relies on, on both sides. Output formats are fixed so that text COPY
 * and row hashes mean the same on every version, and timeouts are off so a long COPY or index build is
 * never cut short by a default meant for applications.
 */
public final class SessionSettings {
    private SessionSettings() {
    }

    /** For every source session: qualified names in catalog output, stable text formats, no timeouts. */
    public static void applySource(Connection connection, ServerVersion version) throws SQLException {
        execute(connection, common(version)
                + "SET default_transaction_read_only = on;"
                + "SET extra_float_digits = 3;");
    }

    /**
     * For every target session: what pg_restore sets, plus fast, not yet durable, commits. The database's
     * own default_transaction_read_only, which a copy carries over, must not stop a later run.
     */
    public static void applyTarget(Connection connection, ServerVersion version) throws SQLException {
        execute(connection, common(version)
                + "SET default_transaction_read_only = off;"
                + "SET check_function_bodies = off;"
                + "SET client_min_messages = warning;"
                + "SET row_security = off;"
                + "SET xmloption = content;"
                + "SET synchronous_commit = off;");
    }

    private static String common(ServerVersion version) {
        return "SELECT pg_catalog.set_config('search_path', '', false);"
                + "SET standard_conforming_strings = on;"
                + "SET DateStyle = ISO;"
                + "SET IntervalStyle = postgres;"
                + "SET TimeZone = 'UTC';"
                + "SET statement_timeout = 0;"
                // A lock timeout the session was started with is the user's (--lock-wait-timeout); a server's,
                // role's or database's default is not.
                + "SELECT pg_catalog.set_config('lock_timeout', '0', false) FROM pg_catalog.pg_settings"
                + " WHERE name = 'lock_timeout' AND source <> 'client';"
                + "SET idle_in_transaction_session_timeout = 0;"
                + (version.atLeast(17) ? "SET transaction_timeout = 0;" : "");
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
