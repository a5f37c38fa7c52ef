package io.pgshift.catalog.routines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.routines.CatalogSql.function;
import static io.pgshift.catalog.routines.CatalogSql.operator;
import static io.pgshift.catalog.routines.CatalogSql.type;
import io.pgshift.object.Kind;

/**
 * Aggregates: ordinary, ordered-set and hypothetical-set, with moving-aggregate support, combine and
 * (de)serialisation functions and PARALLEL (9.6+), and FINALFUNC_MODIFY (11+). No server function prints
 * CREATE AGGREGATE, so the statement is built from pg_aggregate, writing only what differs from the
 * defaults CREATE AGGREGATE would choose.
 */
public final class AggregateSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        Map<Long, Set<ObjectRef>> types = TypeDependencies.of(context, "pg_proc");
        ServerVersion version = context.version();
        String modify = version.atLeast(11) ? "a.aggfinalmodify, a.aggmfinalmodify"
                : "NULL AS aggfinalmodify, NULL AS aggmfinalmodify";
        return context.list("""
                SELECT p.oid, n.nspname, p.proname, p.pronargs,
                       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
                       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
                       pg_catalog.oidvectortypes(p.proargtypes) AS argument_types, a.aggkind,
                       %s AS sfunc, %s AS stype, a.aggtransspace, a.agginitval,
                       %s AS finalfunc, a.aggfinalextra, %s,
                       %s AS combinefunc, %s AS serialfunc, %s AS deserialfunc,
                       %s AS msfunc, %s AS minvfunc, %s AS mstype, a.aggmtransspace, a.aggminitval,
                       %s AS mfinalfunc, a.aggmfinalextra,
                       %s AS sortop, p.proparallel,
                       pg_catalog.pg_get_userbyid(p.proowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = p.oid AND cmt.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_aggregate a
                JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE %s AND %s AND %s
                ORDER BY n.nspname, p.proname, p.oid""".formatted(
                        function("a.aggtransfn::pg_catalog.oid"), type("a.aggtranstype"),
                        function("a.aggfinalfn::pg_catalog.oid"), modify,
                        function("a.aggcombinefn::pg_catalog.oid"), function("a.aggserialfn::pg_catalog.oid"),
                        function("a.aggdeserialfn::pg_catalog.oid"),
                        function("a.aggmtransfn::pg_catalog.oid"), function("a.aggminvtransfn::pg_catalog.oid"),
                        type("a.aggmtranstype"), function("a.aggmfinalfn::pg_catalog.oid"), operator("a.aggsortop"),
                        SourceContext.aclJson("p.proacl", 'f', "p.proowner"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_proc", "p.oid"), Routines.notPartOfAnotherObject("p.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    String name = Sql.qualified(schema, rs.getString("proname"));
                    boolean noArguments = rs.getInt("pronargs") == 0;
                    String identity = noArguments ? "*" : rs.getString("identity");
                    return ObjectDef.of(ObjectRef.of("pg_proc", oid), Kind.AGGREGATE, schema,
                                    schema + "." + rs.getString("proname") + "(" + identity + ")",
                                    "AGGREGATE " + name + "(" + identity + ")", Section.PRE_DATA,
                                    List.of("CREATE AGGREGATE " + name + "(" + (noArguments ? "*" : rs.getString("arguments"))
                                            + ") (\n    " + String.join(",\n    ", options(rs)) + "\n)"))
                            .withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"))
                            // GRANT has no AGGREGATE form: an aggregate is granted as the function it is.
                            .withAcl("FUNCTION " + name + "(" + rs.getString("argument_types") + ")", rs.getString("acl"))
                            .withDependencies(types.getOrDefault(oid, Set.of()));
                });
    }

    private static List<String> options(ResultSet rs) throws SQLException {
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + rs.getString("sfunc"));
        options.add("STYPE = " + rs.getString("stype"));
        if (rs.getInt("aggtransspace") != 0) {
            options.add("SSPACE = " + rs.getInt("aggtransspace"));
        }
        if (rs.getString("agginitval") != null) {
            options.add("INITCOND = " + Sql.literal(rs.getString("agginitval")));
        }
        // CREATE AGGREGATE lets the final function of an ordered-set aggregate modify the state by default,
        // and keeps an ordinary aggregate's read-only.
        char defaultModify = "n".equals(rs.getString("aggkind")) ? 'r' : 'w';
        finalFunction(options, "", rs.getString("finalfunc"), rs.getBoolean("aggfinalextra"),
                rs.getString("aggfinalmodify"), defaultModify);
        optional(options, "COMBINEFUNC", rs.getString("combinefunc"));
        optional(options, "SERIALFUNC", rs.getString("serialfunc"));
        optional(options, "DESERIALFUNC", rs.getString("deserialfunc"));
        if (rs.getString("msfunc") != null) {
            options.add("MSFUNC = " + rs.getString("msfunc"));
            options.add("MINVFUNC = " + rs.getString("minvfunc"));
            options.add("MSTYPE = " + rs.getString("mstype"));
        }
        if (rs.getInt("aggmtransspace") != 0) {
            options.add("MSSPACE = " + rs.getInt("aggmtransspace"));
        }
        if (rs.getString("aggminitval") != null) {
            options.add("MINITCOND = " + Sql.literal(rs.getString("aggminitval")));
        }
        finalFunction(options, "M", rs.getString("mfinalfunc"), rs.getBoolean("aggmfinalextra"),
                rs.getString("aggmfinalmodify"), defaultModify);
        optional(options, "SORTOP", rs.getString("sortop"));
        if ("h".equals(rs.getString("aggkind"))) {
            options.add("HYPOTHETICAL");
        }
        switch (rs.getString("proparallel")) {
            case "s" -> options.add("PARALLEL = SAFE");
            case "r" -> options.add("PARALLEL = RESTRICTED");
            default -> {
                // PARALLEL UNSAFE is the default.
            }
        }
        return options;
    }

    private static void finalFunction(List<String> options, String prefix, String function, boolean extra,
                                      String modify, char defaultModify) {
        if (function == null) {
            return;
        }
        options.add(prefix + "FINALFUNC = " + function);
        if (extra) {
            options.add(prefix + "FINALFUNC_EXTRA");
        }
        if (modify != null && modify.charAt(0) != defaultModify) {
            String mode = switch (modify.charAt(0)) {
                case 'r' -> "READ_ONLY";
                case 's' -> "SHAREABLE";
                default -> "READ_WRITE";
            };
            options.add(prefix + "FINALFUNC_MODIFY = " + mode);
        }
    }

    private static void optional(List<String> options, String option, String value) {
        if (value != null) {
            options.add(option + " = " + value);
        }
    }
}
