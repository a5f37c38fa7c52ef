package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.Errors;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;

/**
 * The online copies a source server holds, one per database, found by their slots: what {@code status},
 * {@code cutover} and {@code abort} act on when given a server rather than a database, as after
 * {@code upgrade --online}.
 */
public final class OnlineCopies {
    private OnlineCopies() {
    }

    /** The databases of the source whose online copies exist, by name. */
    public static List<String> databases(ConnInfo sourceServer) {
        try (Connection c = Connector.open(sourceServer.withDatabase("postgres"))) {
            return Statements.rows(c, "SELECT database FROM pg_catalog.pg_replication_slots WHERE slot_name LIKE "
                    + "'pgshift\\_online\\_%' AND database IS NOT NULL ORDER BY database", rs -> rs.getString(1));
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not list the online copies of "
                    + sourceServer.describe() + ": " + Errors.firstLine(e), e);
        }
    }
}
