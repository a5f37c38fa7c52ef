package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.sql.Sql;

/**
 * Stops the application's writes on the source database for the cutover, and gives them back if it fails.
 * <p>
 * The database's default_transaction_read_only is turned on, which every new session takes, and the sessions that
 * are open already are ended, since they keep the setting they started with; their transactions roll back. WAL
 * senders are left alone: one of them is the subscription's. Only this database is touched: other databases'
 * sessions cannot write into it.
 */
final class WriteStop {
    private final Connection source;
    private final String database;
    private final String previous;
    private boolean stopped;

    private WriteStop(Connection source, String database, String previous) {
        this.source = source;
        this.database = database;
        this.previous = previous;
    }

    /** Stops the writes; returns what it did, in words. */
    static WriteStop stop(Connection source, StopWrites mode, List<String> done) throws SQLException {
        String database = Statements.text(source, "SELECT pg_catalog.current_database()");
        String previous = Statements.text(source, "SELECT option FROM pg_catalog.pg_db_role_setting s,"
                + " pg_catalog.unnest(s.setconfig) option WHERE s.setrole = 0 AND s.setdatabase ="
                + " (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
                + " AND option LIKE 'default\\_transaction\\_read\\_only=%'");
        WriteStop stop = new WriteStop(source, database, previous);
        if (mode == StopWrites.NONE) {
            return stop;
        }
        Statements.execute(source, "ALTER DATABASE " + Sql.ident(database) + " SET default_transaction_read_only = on");
        stop.stopped = true;
        List<Integer> sessions = Statements.rows(source, "SELECT pid FROM pg_catalog.pg_stat_activity"
                + " WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()"
                + " AND backend_type = 'client backend'", rs -> rs.getInt(1));
        List<String> refused = new ArrayList<>();
        for (int pid : sessions) {
            try {
                Statements.rows(source, "SELECT pg_catalog.pg_terminate_backend(?)", rs -> 1, pid);
            } catch (SQLException e) {
                refused.add(pid + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        done.add("database " + database + " made read-only; " + SourceReadiness.count(sessions.size() - refused.size(),
                "open session") + " ended");
        if (!refused.isEmpty()) {
            // A session that goes on could still write: the cutover cannot go on, and the source is given back.
            stop.undo();
            throw new SQLException("could not end " + SourceReadiness.count(refused.size(), "session") + " of "
                    + "database " + database + ", which could still write: " + SourceReadiness.names(refused)
                    + "; the database was made writable again; end them yourself and give --stop-writes none");
        }
        return stop;
    }

    /** Makes the database writable again, as it was before: the cutover failed. */
    void undo() throws SQLException {
        if (!stopped) {
            return;
        }
        if (previous == null) {
            Statements.execute(source, "ALTER DATABASE " + Sql.ident(database) + " RESET default_transaction_read_only");
        } else {
            String value = previous.substring(previous.indexOf('=') + 1);
            Statements.execute(source, "ALTER DATABASE " + Sql.ident(database) + " SET default_transaction_read_only = "
                    + Sql.literal(value));
        }
        stopped = false;
    }

    boolean stopped() {
        return stopped;
    }

    String database() {
        return database;
    }
}
