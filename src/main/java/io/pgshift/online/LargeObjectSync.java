package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.pgshift.data.LargeObjectCopier;

/**
 * Logical replication carries no large object: at the cutover, the target's large objects are made the source's
 * again. Each is compared by an MD5 of its contents, which both servers compute; one that differs is emptied and
 * filled again, one the source lacks is removed, one the target lacks is made with the same OID and owner.
 */
final class LargeObjectSync {
    private LargeObjectSync() {
    }

    /** Returns how many large objects were made, filled again or removed on the target. */
    static int run(Connection source, Connection target) throws SQLException {
        Map<Long, String[]> onSource = digests(source);
        Map<Long, String[]> onTarget = digests(target);
        if (onSource.isEmpty() && onTarget.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (Map.Entry<Long, String[]> e : onTarget.entrySet()) {
            if (!onSource.containsKey(e.getKey())) {
                Statements.rows(target, "SELECT pg_catalog.lo_unlink(?::oid)", rs -> 1, e.getKey());
                changed++;
            }
        }
        for (Map.Entry<Long, String[]> e : onSource.entrySet()) {
            long oid = e.getKey();
            String[] there = onTarget.get(oid);
            if (there != null && there[0].equals(e.getValue()[0])) {
                continue;
            }
            if (there == null) {
                Statements.rows(target, "SELECT pg_catalog.lo_create(?::oid)", rs -> 1, oid);
                Statements.execute(target, "ALTER LARGE OBJECT " + oid + " OWNER TO "
                        + io.pgshift.sql.Sql.ident(e.getValue()[1]));
            } else {
                Statements.execute(target, "BEGIN");
                Statements.rows(target, "SELECT pg_catalog.lo_truncate(pg_catalog.lo_open(?::oid, 131072), 0)",
                        rs -> 1, oid);
                Statements.execute(target, "COMMIT");
            }
            LargeObjectCopier.copy(source, target, oid, bytes -> { });
            changed++;
        }
        return changed;
    }

    private static Map<Long, String[]> digests(Connection connection) throws SQLException {
        Map<Long, String[]> out = new HashMap<>();
        for (Object[] row : Statements.rows(connection, "SELECT m.oid::int8, pg_catalog.md5(pg_catalog.lo_get(m.oid)),"
                + " pg_catalog.pg_get_userbyid(m.lomowner) FROM pg_catalog.pg_largeobject_metadata m",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})) {
            out.put((Long) row[0], new String[] {(String) row[1], (String) row[2]});
        }
        return out;
    }
}
