package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import io.pgshift.data.SessionSettings;
import io.pgshift.object.Kind;
import io.pgshift.plan.Entry;
import io.pgshift.sql.Sql;

/**
 * A step after the rows (an index, a key, a constraint) that an earlier attempt may have begun or even finished: a
 * run that was interrupted and is resumed, or a build whose connection was lost. Its statements each commit on their
 * own, so any prefix of them may be in. When the target has the step's index or constraint, valid, the build is not
 * run again, only the statements around it, which set properties and may run twice; else whatever an earlier attempt
 * left of it is dropped and the step runs whole.
 */
final class InterruptedBuild {
    private InterruptedBuild() {
    }

    /** Runs the step, building its object only when the target does not have it valid already. */
    static void run(Connection target, Entry e) throws SQLException {
        if (builtAndValid(target, e)) {
            List<String> rest = e.sql().stream().filter(sql -> !isBuild(sql)).toList();
            PostDataStatements.runDurably(target, e.withSql(rest));
            return;
        }
        undoPart(target, e);
        PostDataStatements.runDurably(target, e);
    }

    /**
     * Whether the target has the index or constraint the step builds, and valid: an index that a build cut off
     * halfway leaves is marked invalid, and a constraint exists only once its check committed. A step whose name
     * cannot be read back unambiguously (a name with a dot of its own) never counts as built.
     */
    static boolean builtAndValid(Connection target, Entry e) throws SQLException {
        String[] parts = e.name().split("\\.", -1);
        boolean constraint = switch (e.kind()) {
            case PRIMARY_KEY, UNIQUE, EXCLUSION, FOREIGN_KEY, CHECK -> true;
            default -> false;
        };
        if (e.kind() == Kind.INDEX && parts.length == 2) {
            return answer(target, """
                    SELECT i.indisvalid AND i.indisready FROM pg_catalog.pg_index i
                    JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relname = ?""", parts[0], parts[1]);
        }
        if (constraint && parts.length == 3) {
            return answer(target, """
                    SELECT con.convalidated AND coalesce(i.indisvalid, true) FROM pg_catalog.pg_constraint con
                    JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
                    JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
                    LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid
                    WHERE n.nspname = ? AND t.relname = ? AND con.conname = ?""", parts[0], parts[1], parts[2]);
        }
        return false;
    }

    /**
     * Drops what an interrupted attempt may have made of the step, so that it can run whole: its own drop, and a
     * key's index, which is built before the key is made of it.
     */
    static void undoPart(Connection target, Entry e) throws SQLException {
        if (e.drop() != null) {
            SessionSettings.execute(target, e.drop());
        }
        // The entry's name is schema.index, or schema.table.key for a key, whose index has the key's name. A name
        // with a dot of its own cannot be read back: its index is left, and the step then fails loudly on it
        // rather than drop another index that a misread name would point at.
        String[] parts = e.name().split("\\.", -1);
        boolean key = e.kind() == Kind.PRIMARY_KEY || e.kind() == Kind.UNIQUE;
        if (key && parts.length == 3 || e.kind() == Kind.INDEX && parts.length == 2) {
            SessionSettings.execute(target, "DROP INDEX IF EXISTS " + Sql.qualified(parts[0], parts[parts.length - 1]));
        }
    }

    /** The statement that builds the object itself, as opposed to one that sets its comment or a property. */
    private static boolean isBuild(String sql) {
        String upper = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (upper.startsWith("COMMENT ")) {
            return false;
        }
        return upper.startsWith("CREATE ") || upper.contains(" ADD CONSTRAINT ");
    }

    private static boolean answer(Connection target, String query, String... values) throws SQLException {
        try (PreparedStatement st = target.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
