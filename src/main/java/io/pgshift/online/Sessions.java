package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;

/** The sessions online mode writes with, and the name that ties a source database to its online copy. */
final class Sessions {
    private Sessions() {
    }

    /**
     * A session that may write even when its database defaults to read-only, as the cutover makes the source's:
     * online mode's own statements (dropping the slot, setting sequences) must still run.
     */
    static Connection writer(ConnInfo info) throws SQLException {
        Connection connection = Connector.open(info);
        try {
            Statements.execute(connection, "SET default_transaction_read_only = off");
            return connection;
        } catch (SQLException | RuntimeException e) {
            Connections.closeQuietly(connection);
            throw e;
        }
    }

    /** The target's session, or none when its database does not exist (a copy that failed before making it). */
    static Optional<Connection> targetIfExists(ConnInfo target) throws SQLException {
        try {
            return Optional.of(writer(target));
        } catch (PgShiftException e) {
            if (e.code() == ErrorCode.DATABASE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The online copy's name, from the source database's OID. */
    static String name(Connection source) throws SQLException {
        return OnlineNames.forDatabase(Long.parseLong(Statements.text(source,
                "SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()")));
    }
}
