package io.pgshift.ddl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.ObjectNames;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.Table;

import static io.pgshift.sql.Sql.literal;
import static io.pgshift.sql.Sql.qualified;

/**
 * The columns that CREATE TABLE can declare as {@code serial}, {@code smallserial} or {@code bigserial}:
 * the server then creates the column's sequence, its default and the OWNED BY link with the table. That
 * spares each such column a CREATE SEQUENCE and an ALTER SEQUENCE ... OWNED BY, which alone costs the
 * server about 0.17 ms; a schema has as many serial columns as tables, often.
 * <p>
 * It is only done where the result is exactly the source's: a sequence with the name and options that the
 * serial expansion gives ({@code table_column_seq}, START 1, INCREMENT 1, MINVALUE 1, the type's maximum,
 * CACHE 1, NO CYCLE), owned by a NOT NULL column whose only default is its nextval. The server picks that
 * name only if it is free, so the target database must be empty when the run starts: every relation the
 * run creates before it has a name of the source's, where this name belongs to this sequence. A name the
 * server would have to shorten ({@link ObjectNames}) is not folded either. Sources older than 10 do not
 * record a sequence's type, and are never folded.
 */
final class SerialColumns {
    private static final Map<String, String> KEYWORDS = Map.of("smallint", "smallserial", "integer", "serial",
            "bigint", "bigserial");
    private static final Map<String, Long> MAXIMA = Map.of("smallint", (long) Short.MAX_VALUE,
            "integer", (long) Integer.MAX_VALUE, "bigint", Long.MAX_VALUE);

    /** By table oid, then column name: the sequence the column's serial declaration creates. */
    private final Map<Long, Map<String, SequenceDef>> byColumn = new HashMap<>();
    private final Set<Long> folded = new HashSet<>();

    SerialColumns(Catalog catalog, TargetSession session) {
        if (!session.startsEmpty()) {
            return;
        }
        Map<Long, Table> tables = new HashMap<>();
        catalog.tables().forEach(t -> tables.put(t.oid(), t));
        for (SequenceDef s : catalog.sequences()) {
            Table t = s.ownedBy() == null ? null : tables.get(s.ownedBy().tableOid());
            Column c = t == null ? null : column(t, s.ownedBy().column());
            if (c != null && folds(t, c, s)) {
                byColumn.computeIfAbsent(t.oid(), k -> new HashMap<>()).put(c.name(), s);
                folded.add(s.oid());
            }
        }
    }

    /** The sequence that the column's serial declaration creates, or null if the column is written as is. */
    SequenceDef sequenceOf(Table t, Column c) {
        return byColumn.getOrDefault(t.oid(), Map.of()).get(c.name());
    }

    /** Whether the sequence comes with its table's CREATE TABLE. */
    boolean madeByTable(SequenceDef s) {
        return folded.contains(s.oid());
    }

    /** The serial keyword for a column of this type. */
    static String keyword(Column c) {
        return KEYWORDS.get(c.type());
    }

    static boolean folds(Table t, Column c, SequenceDef s) {
        Column.NotNull nn = c.notNullConstraint();
        String name = t.name() + "_" + c.name() + "_seq";
        return s.identityOf() == null && !s.unlogged() && t.persistence() == 'p'
                && s.dataType() != null && s.dataType().equals(c.type()) && KEYWORDS.containsKey(c.type())
                && s.start() == 1 && s.increment() == 1 && s.min() == 1 && s.max() == MAXIMA.get(c.type())
                && s.cache() == 1 && !s.cycle()
                && s.schema().equals(t.schema()) && s.name().equals(name)
                && name.equals(ObjectNames.implicit(t.name(), c.name(), "seq"))
                && ("nextval(" + literal(qualified(s.schema(), s.name())) + "::regclass)").equals(c.defaultExpr())
                && c.local() && !c.isIdentity() && !c.isGenerated() && c.collation() == null
                && nn != null && nn.valid() && nn.local() && nn.name() == null && !nn.noInherit()
                && t.layout().ofType() == null && !t.layout().isPartition() && !t.layout().isPartitioned()
                && t.layout().parents().isEmpty();
    }

    private static Column column(Table t, String name) {
        for (Column c : t.columns()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
