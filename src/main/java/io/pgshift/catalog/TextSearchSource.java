package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Text search parsers, templates, dictionaries and configurations. Parsers and templates name C functions,
 * so they can be recreated whenever those functions exist on the target: the built-in ones always do,
 * others come with their extension or as user functions created before. A configuration's token mappings
 * are written one token type at a time, with the dictionaries in their order.
 */
final class TextSearchSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        List<ObjectDef> objects = new ArrayList<>();
        objects.addAll(parsers(context));
        objects.addAll(templates(context));
        objects.addAll(dictionaries(context));
        objects.addAll(configurations(context));
        return objects;
    }

    private static List<ObjectDef> parsers(SourceContext context) throws SQLException {
        return context.list("""
                SELECT p.oid, n.nspname, p.prsname, %s AS start, %s AS gettoken, %s AS "end", %s AS headline,
                       %s AS lextypes, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = p.oid AND cmt.classoid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, p.prsname""".formatted(FunctionNames.of("p.prsstart"),
                        FunctionNames.of("p.prstoken"), FunctionNames.of("p.prsend"), FunctionNames.of("p.prsheadline"),
                        FunctionNames.of("p.prslextype"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_ts_parser", "p.oid")),
                rs -> {
                    String name = qualified(rs.getString("nspname"), rs.getString("prsname"));
                    String headline = FunctionNames.qualified(rs, "headline");
                    String create = "CREATE TEXT SEARCH PARSER " + name
                            + " (\n    START = " + FunctionNames.qualified(rs, "start")
                            + ",\n    GETTOKEN = " + FunctionNames.qualified(rs, "gettoken")
                            + ",\n    END = " + FunctionNames.qualified(rs, "end")
                            + (headline != null ? ",\n    HEADLINE = " + headline : "")
                            + ",\n    LEXTYPES = " + FunctionNames.qualified(rs, "lextypes") + "\n)";
                    return define(rs.getLong("oid"), "pg_ts_parser", Kind.TEXT_SEARCH_PARSER, rs.getString("nspname"),
                            rs.getString("prsname"), List.of(create)).withComment(rs.getString("comment"));
                });
    }

    private static List<ObjectDef> templates(SourceContext context) throws SQLException {
        return context.list("""
                SELECT t.oid, n.nspname, t.tmplname, %s AS init, %s AS lexize,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = t.oid AND cmt.classoid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, t.tmplname""".formatted(FunctionNames.of("t.tmplinit"),
                        FunctionNames.of("t.tmpllexize"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_ts_template", "t.oid")),
                rs -> {
                    String init = FunctionNames.qualified(rs, "init");
                    String create = "CREATE TEXT SEARCH TEMPLATE " + qualified(rs.getString("nspname"),
                            rs.getString("tmplname")) + " (\n    " + (init != null ? "INIT = " + init + ",\n    " : "")
                            + "LEXIZE = " + FunctionNames.qualified(rs, "lexize") + "\n)";
                    return define(rs.getLong("oid"), "pg_ts_template", Kind.TEXT_SEARCH_TEMPLATE, rs.getString("nspname"),
                            rs.getString("tmplname"), List.of(create)).withComment(rs.getString("comment"));
                });
    }

    private static List<ObjectDef> dictionaries(SourceContext context) throws SQLException {
        return context.list("""
                SELECT d.oid, n.nspname, d.dictname, pg_catalog.pg_get_userbyid(d.dictowner) AS owner,
                       tn.nspname AS template_schema, t.tmplname, d.dictinitoption,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = d.oid AND cmt.classoid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_ts_dict d
                JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
                JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
                JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, d.dictname""".formatted(SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_ts_dict", "d.oid")),
                rs -> {
                    // dictinitoption is the option list as the server printed it, ready to paste back.
                    String options = rs.getString("dictinitoption");
                    String template = qualified(rs.getString("template_schema"), rs.getString("tmplname"));
                    String create = "CREATE TEXT SEARCH DICTIONARY " + qualified(rs.getString("nspname"),
                            rs.getString("dictname")) + " (\n    TEMPLATE = " + template
                            + (options != null ? ",\n    " + options : "") + "\n)";
                    return define(rs.getLong("oid"), "pg_ts_dict", Kind.TEXT_SEARCH_DICTIONARY, rs.getString("nspname"),
                            rs.getString("dictname"), List.of(create)).withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"));
                });
    }

    private static List<ObjectDef> configurations(SourceContext context) throws SQLException {
        Map<Long, List<String>> mappings = mappings(context);
        return context.list("""
                SELECT c.oid, n.nspname, c.cfgname, pg_catalog.pg_get_userbyid(c.cfgowner) AS owner,
                       pn.nspname AS parser_schema, p.prsname,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_ts_config c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
                JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
                JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, c.cfgname""".formatted(SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_ts_config", "c.oid")),
                rs -> {
                    String name = qualified(rs.getString("nspname"), rs.getString("cfgname"));
                    List<String> sql = new ArrayList<>();
                    sql.add("CREATE TEXT SEARCH CONFIGURATION " + name + " (\n    PARSER = "
                            + qualified(rs.getString("parser_schema"), rs.getString("prsname")) + "\n)");
                    for (String mapping : mappings.getOrDefault(rs.getLong("oid"), List.of())) {
                        sql.add("ALTER TEXT SEARCH CONFIGURATION " + name + "\n    ADD MAPPING FOR " + mapping);
                    }
                    return define(rs.getLong("oid"), "pg_ts_config", Kind.TEXT_SEARCH_CONFIGURATION,
                            rs.getString("nspname"), rs.getString("cfgname"), sql).withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"));
                });
    }

    /** "token WITH dict1, dict2" for each token type of each configuration, in token type order. */
    /** The mappings of configurations made after initdb (oids from 16384): initdb's own are never copied. */
    private static Map<Long, List<String>> mappings(SourceContext context) throws SQLException {
        Map<Long, List<String>> byConfig = new HashMap<>();
        context.list("""
                SELECT m.mapcfg,
                       (SELECT t.alias FROM pg_catalog.ts_token_type(c.cfgparser) t
                        WHERE t.tokid = m.maptokentype) AS token,
                       ARRAY(SELECT ARRAY[dn.nspname, d.dictname]
                             FROM pg_catalog.pg_ts_config_map m2
                             JOIN pg_catalog.pg_ts_dict d ON d.oid = m2.mapdict
                             JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
                             WHERE m2.mapcfg = m.mapcfg AND m2.maptokentype = m.maptokentype
                             ORDER BY m2.mapseqno) AS dictionaries
                FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.pg_ts_config c ON c.oid = m.mapcfg
                WHERE m.mapcfg >= 16384
                GROUP BY m.mapcfg, c.cfgparser, m.maptokentype
                ORDER BY m.mapcfg, m.maptokentype""",
                rs -> {
                    List<String> dictionaries = new ArrayList<>();
                    for (Object pair : (Object[]) rs.getArray(3).getArray()) {
                        String[] schemaAndName = (String[]) pair;
                        dictionaries.add(qualified(schemaAndName[0], schemaAndName[1]));
                    }
                    return byConfig.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(ident(rs.getString(2)) + " WITH " + String.join(", ", dictionaries));
                });
        return byConfig;
    }

    private static ObjectDef define(long oid, String catalog, Kind kind, String schema, String name,
                                    List<String> create) {
        String qualifiedName = qualified(schema, name);
        return ObjectDef.of(ObjectRef.of(catalog, oid), kind, schema, schema + "." + name, kind + " " + qualifiedName,
                Section.PRE_DATA, create);
    }
}
