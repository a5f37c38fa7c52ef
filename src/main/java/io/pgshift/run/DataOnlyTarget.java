package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * What a data-only copy ({@code copy -a}) requires of its target before any row is written: every table it loads
 * exists and is empty, and none of the large objects it brings has contents already. Rows are added, never
 * truncated away, so rows a user put there would otherwise be mixed with the source's, or stop the copy half way on
 * a key.
 */
final class DataOnlyTarget {
    private static final String STATE = """
            SELECT c.oid IS NOT NULL FROM (SELECT pg_catalog.to_regclass(?) AS oid) c""";

    private DataOnlyTarget() {
    }

    /**
     * @param tables       quoted, schema-qualified names of the tables whose rows are copied
     * @param largeObjects oids of the large objects copied
     * @return the large objects among them that exist, empty (a schema-only copy made them): not to be created again
     */
    static java.util.Set<Long> check(Connection target, List<String> tables, List<Long> largeObjects) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        try (PreparedStatement exists = target.prepareStatement(STATE)) {
            for (String table : tables) {
                exists.setString(1, table);
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        missing.add(table);
                        continue;
                    }
                }
                try (PreparedStatement rows = target.prepareStatement("SELECT EXISTS (SELECT FROM " + table + ")");
                     ResultSet rs = rows.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        holding.add(table);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "the target has no table " + some(missing)
                    + ", which a data-only copy loads; nothing was written: create the tables first (copy -s), or "
                    + "leave them out (-T)");
        }
        if (!holding.isEmpty()) {
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the target's " + some(holding)
                    + (holding.size() == 1 ? " holds rows" : " hold rows") + " already, which the copy would add to; "
                    + "nothing was written: empty " + (holding.size() == 1 ? "it" : "them") + " first (TRUNCATE) if "
                    + "those rows may go");
        }
        List<String> existing = new ArrayList<>();
        java.util.Set<Long> empty = new java.util.HashSet<>();
        // pg_largeobject is for superusers only; lo_get reads what the user may read, its first byte is enough.
        try (PreparedStatement lo = target.prepareStatement("SELECT pg_catalog.length(pg_catalog.lo_get(m.oid, 0, 1)) "
                + "FROM pg_catalog.pg_largeobject_metadata m WHERE m.oid = ?::pg_catalog.oid")) {
            for (long oid : largeObjects) {
                lo.setLong(1, oid);
                try (ResultSet rs = lo.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getInt(1) > 0) {
                            existing.add(String.valueOf(oid));
                        } else {
                            empty.add(oid);
                        }
                    }
                }
            }
        }
        if (!existing.isEmpty()) {
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the target's large object " + some(existing)
                    + " has contents already, which the copy would overwrite; nothing was written: remove "
                    + (existing.size() == 1 ? "it" : "them") + " first (lo_unlink) if "
                    + (existing.size() == 1 ? "it" : "they") + " may go");
        }
        return empty;
    }

    private static String some(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }
}
