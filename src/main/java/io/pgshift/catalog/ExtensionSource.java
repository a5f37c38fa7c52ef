package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.sql.Sql;
import io.pgshift.object.Section;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Rows;
import io.pgshift.object.Kind;

/**
 * Extensions, created with {@code CREATE EXTENSION IF NOT EXISTS} in their schema and at the target's
 * default version, and the user rows of their configuration tables. An extension's objects are its
 * script's business, never dumped one by one; but a configuration table (pg_extension_config_dump)
 * holds rows the user added, and those, selected by the extension's own condition, are data to copy.
 */
public final class ExtensionSource implements ObjectSource {
    /** Objects with smaller oids were made by initdb (plpgsql), so every new database has them already. */
    private static final long FIRST_USER_OID = 16384;

    /** The extensions the source has beyond initdb's, which the target must be able to create. */
    public static List<Extension> extensions(SourceContext context) throws SQLException {
        return context.list("""
                SELECT e.oid, e.extname, n.nspname, e.extversion,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = e.oid AND cmt.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                WHERE e.oid >= %d
                ORDER BY e.extname""".formatted(FIRST_USER_OID),
                rs -> new Extension(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        List<ObjectDef> objects = new ArrayList<>();
        for (Extension e : extensions(context)) {
            objects.add(ObjectDef.of(e.ref(), Kind.EXTENSION, e.schema(), e.name(), "EXTENSION " + Sql.ident(e.name()),
                    Section.PRE_DATA, List.of("CREATE EXTENSION IF NOT EXISTS " + Sql.ident(e.name())
                            + " WITH SCHEMA " + Sql.ident(e.schema()))).withComment(e.comment()));
        }
        objects.addAll(configurationData(context));
        return objects;
    }

    private record Config(long extension, long oid, String schema, String name, char kind, String condition,
                          List<String> columns) {
    }

    /** One DATA entry per configuration table (its rows) or sequence (its position). */
    private static List<ObjectDef> configurationData(SourceContext context) throws SQLException {
        String notGenerated = context.version().atLeast(12) ? "AND a.attgenerated = ''" : "";
        List<Config> configs = context.list("""
                SELECT e.oid AS extension, c.oid, n.nspname, c.relname, c.relkind, x.condition,
                       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped %s
                             ORDER BY a.attnum) AS columns
                FROM pg_catalog.pg_extension e
                CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition))
                     AS x(config, condition)
                JOIN pg_catalog.pg_class c ON c.oid = x.config
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE e.oid >= %d
                ORDER BY n.nspname, c.relname""".formatted(notGenerated, FIRST_USER_OID),
                rs -> new Config(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Queries.charOf(rs, "relkind"), rs.getString(6), List.of((String[]) rs.getArray(7).getArray())));
        List<ObjectDef> data = new ArrayList<>();
        for (Config c : configs) {
            String name = Sql.qualified(c.schema(), c.name());
            ObjectRef extension = ObjectRef.of("pg_extension", c.extension());
            ObjectDef def = c.kind() == 'S'
                    ? ObjectDef.of(ObjectRef.dataOf(c.oid()), Kind.SEQUENCE_SET, c.schema(), c.schema() + "." + c.name(),
                            name, Section.DATA, List.of(sequencePosition(context, name)))
                    : ObjectDef.of(ObjectRef.dataOf(c.oid()), Kind.EXTENSION_TABLE_DATA, c.schema(),
                            c.schema() + "." + c.name(), name, Section.DATA, List.of())
                            .withRows(new Rows.Selected(c.schema(), c.name(), c.columns(), c.condition()));
            data.add(def.withDependencies(Set.of(extension)));
        }
        return data;
    }

    private static String sequencePosition(SourceContext context, String sequence) throws SQLException {
        return context.list("SELECT last_value, is_called FROM " + sequence,
                rs -> "SELECT pg_catalog.setval(" + Sql.literal(sequence) + ", " + rs.getLong(1) + ", "
                        + rs.getBoolean(2) + ")").get(0);
    }
}
