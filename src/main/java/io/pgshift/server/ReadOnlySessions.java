package io.pgshift.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;

/**
 * Sessions for commands that only look at a server (check, compare settings): every transaction in them is
 * read-only (default_transaction_read_only), with the same stable output formats as the copy's source sessions.
 * Each statement runs in a transaction of its own, so a query the user may not run fails alone.
 */
public final class ReadOnlySessions {
    /** The databases that exist on every server, tried when the named one does not. */
    private static final List<String> MAINTENANCE_DATABASES = List.of("postgres", "template1");

    private ReadOnlySessions() {
    }

    /** A read-only session on the database the connection string names. */
    public static Connection open(ConnInfo info) throws SQLException {
        Connection connection = Connector.open(info);
        try {
            SessionSettings.applySource(connection, CatalogReader.versionOf(connection));
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A read-only session on the server: through the named database, or through postgres or template1 when that
     * one does not exist, since the target's databases often do not exist before an upgrade.
     */
    public static Connection openServer(ConnInfo info) throws SQLException {
        PgShiftException missing;
        try {
            return open(info);
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
            missing = e;
        }
        for (String db : MAINTENANCE_DATABASES) {
            if (db.equals(info.dbname())) {
                continue;
            }
            try {
                return open(info.withDatabase(db));
            } catch (PgShiftException e) {
                if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw e;
                }
            }
        }
        throw missing;
    }
}
