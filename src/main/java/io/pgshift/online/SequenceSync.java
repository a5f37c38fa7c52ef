package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Logical replication carries no sequence: at the cutover, with the source's writes stopped, every sequence the
 * target also holds is set to the source's position, is_called included, so the next value is the one the source
 * would have given.
 */
final class SequenceSync {
    private SequenceSync() {
    }

    private record Position(String name, long lastValue, boolean called) {
    }

    /** Returns how many sequences were set. */
    static int run(Connection source, Connection target) throws SQLException {
        List<String> names = Statements.rows(source, "SELECT pg_catalog.quote_ident(n.nspname) || '.' ||"
                + " pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname <> 'information_schema'"
                + " AND n.nspname NOT LIKE 'pg\\_%'", rs -> rs.getString(1));
        int set = 0;
        for (String name : names) {
            Position p = Statements.first(source, "SELECT last_value, is_called FROM " + name,
                    rs -> new Position(name, rs.getLong(1), rs.getBoolean(2))).orElseThrow();
            if (Statements.first(target, "SELECT pg_catalog.to_regclass(?) IS NOT NULL", rs -> rs.getBoolean(1),
                    name).orElse(false)) {
                Statements.rows(target, "SELECT pg_catalog.setval(?::regclass, ?, ?)", rs -> 1, name, p.lastValue(),
                        p.called());
                set++;
            }
        }
        return set;
    }
}
