package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * Before a data-only load with --disable-triggers writes anything: the target user must be able to disable every
 * table's triggers. ALTER TABLE ... DISABLE TRIGGER ALL takes a table's owner, and a superuser when the table has a
 * foreign key, whose checks are internal triggers. A managed service's admin is no superuser: it may load tables it
 * owns that have no foreign keys, and is told so before the first table rather than at the one that fails.
 */
final class TriggerAccess {
    private static final String REFUSED = """
            SELECT NOT pg_catalog.pg_has_role(c.relowner, 'USAGE'),
                   EXISTS (SELECT FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND t.tgisinternal)
            FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(?)""";

    private TriggerAccess() {
    }

    /** @param tables quoted, schema-qualified table names */
    static void require(Connection target, List<String> tables) throws SQLException {
        String user;
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_user, rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            rs.next();
            if (rs.getBoolean(2)) {
                return;
            }
            user = rs.getString(1);
        }
        List<String> notOwned = new ArrayList<>();
        List<String> withForeignKeys = new ArrayList<>();
        try (PreparedStatement ps = target.prepareStatement(REFUSED)) {
            for (String table : tables) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue; // a missing table fails its load with the server's own words
                    }
                    if (rs.getBoolean(1)) {
                        notOwned.add(table);
                    } else if (rs.getBoolean(2)) {
                        withForeignKeys.add(table);
                    }
                }
            }
        }
        if (notOwned.isEmpty() && withForeignKeys.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (!notOwned.isEmpty()) {
            why.add("it does not own " + few(notOwned));
        }
        if (!withForeignKeys.isEmpty()) {
            why.add("the foreign keys' triggers of " + few(withForeignKeys) + " need a superuser");
        }
        throw new PgShiftException(ErrorCode.CHECK_FAILED, "--disable-triggers: the target user " + user
                + " may not disable the triggers of every table: " + String.join(", and ", why)
                + "; nothing was written (restore as a superuser, or without --disable-triggers)");
    }

    private static String few(List<String> tables) {
        return String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? " and " + (tables.size() - 5) + " more" : "");
    }
}
