package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.SourceContext;
import io.pgshift.object.Kind;

/**
 * Range types. Options that only repeat a default are left out, as pg_dump leaves them out: the subtype's
 * default operator class and collation. The multirange type (14+) is named, since its name can be chosen; a
 * source older than 14 has none, and the target derives one. A canonical function takes and returns the
 * range, so when there is one the range is first created as a shell for the function to be created against.
 */
final class RangeTypes {
    private RangeTypes() {
    }

    static List<ObjectDef> read(SourceContext context) throws SQLException {
        String multirange = context.version().atLeast(14) ? Names.type("r.rngmultitypid") : "NULL::text[]";
        List<List<ObjectDef>> perType = context.list("""
                SELECT %s, pg_catalog.format_type(r.rngsubtype, NULL) AS subtype, %s AS multirange,
                       CASE WHEN NOT opc.opcdefault THEN %s END AS opclass,
                       CASE WHEN r.rngcollation <> st.typcollation THEN %s END AS collation,
                       %s AS canonical, %s AS subtype_diff
                %s
                ORDER BY t.oid""".formatted(TypeHeader.COLUMNS, multirange, Names.operatorClass("r.rngsubopc"),
                        Names.collation("r.rngcollation"), Names.function("r.rngcanonical"),
                        Names.function("r.rngsubdiff"), TypeHeader.from("""
                                JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
                                JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
                                JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype""", "t.typtype = 'r'")),
                rs -> {
                    TypeHeader type = TypeHeader.read(rs);
                    List<String> options = new ArrayList<>();
                    options.add("subtype = " + rs.getString("subtype"));
                    option(options, "multirange_type_name", Names.qualified(rs, "multirange"));
                    option(options, "subtype_opclass", Names.qualified(rs, "opclass"));
                    option(options, "collation", Names.qualified(rs, "collation"));
                    String canonical = Names.qualified(rs, "canonical");
                    option(options, "canonical", canonical);
                    option(options, "subtype_diff", Names.qualified(rs, "subtype_diff"));
                    String create = "CREATE TYPE " + type.qualifiedName() + " AS RANGE (\n    "
                            + String.join(",\n    ", options) + "\n)";
                    ObjectDef range = type.definition(Kind.TYPE, type.ref(), List.of(create));
                    if (canonical == null) {
                        return List.of(range);
                    }
                    return List.of(type.shell(), range.withDependencies(Set.of(type.shell().ref())));
                });
        return perType.stream().flatMap(List::stream).toList();
    }

    private static void option(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name + " = " + value);
        }
    }
}
