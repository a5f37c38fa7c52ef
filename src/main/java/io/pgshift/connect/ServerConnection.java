package io.pgshift.connect;

import java.sql.Connection;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * A session for reading what is server-wide (databases, roles, settings). Any database will do for that: the
 * one the connection string names, else the two that exist on every server.
 */
public final class ServerConnection {
    /** Tried in this order when no database is named; managed services sometimes forbid connecting to template1. */
    private static final List<String> ALWAYS_PRESENT = List.of("postgres", "template1");

    private ServerConnection() {
    }

    public static Connection open(ConnInfo server) {
        if (server.namesDatabase()) {
            return Connector.open(server);
        }
        PgShiftException last = null;
        for (String db : ALWAYS_PRESENT) {
            try {
                return Connector.open(server.withDatabase(db));
            } catch (PgShiftException e) {
                if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
