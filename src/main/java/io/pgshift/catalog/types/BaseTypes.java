package io.pgshift.catalog.types;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.Queries;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Kind;

/**
 * Base types and shell types. A base type's input and output functions take or return the type itself, so
 * it is made in three steps, as CREATE TYPE's documentation describes: the shell, then the functions
 * (created against the shell), then the full definition. A shell type nobody completed is kept as a shell.
 * Auto-generated array types are never written: each comes with its element type.
 */
final class BaseTypes {
    private static final String[][] FUNCTIONS = {
            {"input", "INPUT"}, {"output", "OUTPUT"}, {"receive", "RECEIVE"}, {"send", "SEND"},
            {"modin", "TYPMOD_IN"}, {"modout", "TYPMOD_OUT"}, {"analyze", "ANALYZE"}, {"subscript", "SUBSCRIPT"}};

    private BaseTypes() {
    }

    static List<ObjectDef> read(SourceContext context) throws SQLException {
        String subscript = context.version().atLeast(14) ? Names.function("t.typsubscript::pg_catalog.oid")
                : "NULL::text[]";
        List<List<ObjectDef>> perType = context.list("""
                SELECT %s, t.typisdefined, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory,
                       t.typispreferred, t.typdelim, t.typdefault, t.typcollation <> 0 AS collatable,
                       CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element,
                       %s AS input, %s AS output, %s AS receive, %s AS send, %s AS modin, %s AS modout,
                       %s AS analyze, %s AS subscript
                %s
                ORDER BY t.oid""".formatted(TypeHeader.COLUMNS, function("typinput"), function("typoutput"),
                        function("typreceive"), function("typsend"), function("typmodin"), function("typmodout"),
                        function("typanalyze"), subscript, TypeHeader.from("""
                                ((t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e
                                                                  WHERE e.oid = t.typelem AND e.typarray = t.oid))
                                 OR (t.typtype = 'p' AND NOT t.typisdefined))""")),
                rs -> {
                    TypeHeader type = TypeHeader.read(rs);
                    if (!rs.getBoolean("typisdefined")) {
                        return List.of(type.definition(Kind.TYPE, type.ref(),
                                List.of("CREATE TYPE " + type.qualifiedName())));
                    }
                    ObjectDef full = type.definition(Kind.TYPE, type.ref(), List.of(create(type, rs)));
                    return List.of(type.shell(), full.withDependencies(Set.of(type.shell().ref())));
                });
        return perType.stream().flatMap(List::stream).toList();
    }

    private static String function(String column) {
        return Names.function("t." + column + "::pg_catalog.oid");
    }

    private static String create(TypeHeader type, ResultSet rs) throws SQLException {
        List<String> options = new ArrayList<>();
        for (String[] f : FUNCTIONS) {
            String name = Names.qualified(rs, f[0]);
            if (name != null) {
                options.add(f[1] + " = " + name);
            }
        }
        int length = rs.getInt("typlen");
        options.add("INTERNALLENGTH = " + (length == -1 ? "variable" : String.valueOf(length)));
        if (rs.getBoolean("typbyval")) {
            options.add("PASSEDBYVALUE");
        }
        options.add("ALIGNMENT = " + switch (Queries.charOf(rs, "typalign")) {
            case 'c' -> "char";
            case 's' -> "int2";
            case 'd' -> "double";
            default -> "int4";
        });
        options.add("STORAGE = " + switch (Queries.charOf(rs, "typstorage")) {
            case 'e' -> "external";
            case 'x' -> "extended";
            case 'm' -> "main";
            default -> "plain";
        });
        char category = Queries.charOf(rs, "typcategory");
        if (category != 'U') {
            options.add("CATEGORY = " + Sql.literal(String.valueOf(category)));
        }
        if (rs.getBoolean("typispreferred")) {
            options.add("PREFERRED = true");
        }
        if (rs.getString("typdefault") != null) {
            options.add("DEFAULT = " + Sql.literal(rs.getString("typdefault")));
        }
        if (rs.getString("element") != null) {
            options.add("ELEMENT = " + rs.getString("element"));
        }
        String delimiter = rs.getString("typdelim");
        if (!",".equals(delimiter)) {
            options.add("DELIMITER = " + Sql.literal(delimiter));
        }
        if (rs.getBoolean("collatable")) {
            options.add("COLLATABLE = true");
        }
        return "CREATE TYPE " + type.qualifiedName() + " (\n    " + String.join(",\n    ", options) + "\n)";
    }
}
