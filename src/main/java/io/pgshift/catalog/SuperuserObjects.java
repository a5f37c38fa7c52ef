package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects of a source database that only a superuser may create, whoever owns them: functions in an untrusted
 * language (C, internal, plperlu, ...), operator classes and families, text search parsers and templates, foreign
 * data wrappers, access methods, event triggers, procedural languages and publications FOR ALL TABLES. Those an extension
 * creates are left out: the extension brings them. A managed service's admin cannot create any of them, so a
 * copy as that admin would stop at the first.
 */
public final class SuperuserObjects {
    private SuperuserObjects() {
    }

    /**
     * Whether a managed service may still let its admin create it: RDS and Cloud SQL give their admin roles event
     * triggers and publications through hooks of their own, so those are only a warning.
     */
    public static boolean someServicesAllow(String object) {
        return object.startsWith("event trigger ") || object.startsWith("publication ")
                || object.startsWith("subscription ");
    }

    /** Each object as "kind name", in a stable order. */
    public static List<String> read(SourceContext context) throws SQLException {
        List<String> queries = new ArrayList<>();
        queries.add("""
                SELECT 'function in language ' || l.lanname || ' ' || pg_catalog.quote_ident(n.nspname) || '.'
                       || pg_catalog.quote_ident(p.proname)
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE NOT l.lanpltrusted AND %s AND %s""".formatted(Queries.userSchema("n.nspname"),
                Queries.notExtensionMember("pg_proc", "p.oid")));
        queries.add(named("operator class", "pg_opclass", "o.opcname", "o.opcnamespace"));
        queries.add(named("operator family", "pg_opfamily", "o.opfname", "o.opfnamespace"));
        queries.add(named("text search parser", "pg_ts_parser", "o.prsname", "o.prsnamespace"));
        queries.add(named("text search template", "pg_ts_template", "o.tmplname", "o.tmplnamespace"));
        queries.add("""
                SELECT 'foreign data wrapper ' || pg_catalog.quote_ident(o.fdwname) FROM pg_catalog.pg_foreign_data_wrapper o
                WHERE %s""".formatted(Queries.notExtensionMember("pg_foreign_data_wrapper", "o.oid")));
        queries.add("""
                SELECT 'event trigger ' || pg_catalog.quote_ident(o.evtname) FROM pg_catalog.pg_event_trigger o
                WHERE %s""".formatted(Queries.notExtensionMember("pg_event_trigger", "o.oid")));
        queries.add("""
                SELECT 'access method ' || pg_catalog.quote_ident(o.amname) FROM pg_catalog.pg_am o
                WHERE o.oid >= 16384 AND %s""".formatted(Queries.notExtensionMember("pg_am", "o.oid")));
        queries.add("""
                SELECT 'language ' || pg_catalog.quote_ident(o.lanname) FROM pg_catalog.pg_language o
                WHERE o.lanispl AND o.lanname <> 'plpgsql' AND %s""".formatted(
                Queries.notExtensionMember("pg_language", "o.oid")));
        if (context.version().atLeast(10)) {
            queries.add("""
                    SELECT 'publication ' || pg_catalog.quote_ident(o.pubname) || ' FOR ALL TABLES'
                    FROM pg_catalog.pg_publication o WHERE o.puballtables""");
            queries.add("""
                    SELECT 'subscription ' || pg_catalog.quote_ident(o.subname) FROM pg_catalog.pg_subscription o
                    WHERE o.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d
                                       WHERE d.datname = pg_catalog.current_database())""");
        }
        List<String> found = new ArrayList<>();
        for (String sql : queries) {
            found.addAll(context.list(sql + " ORDER BY 1", rs -> rs.getString(1)));
        }
        return found;
    }

    private static String named(String kind, String catalog, String name, String namespace) {
        return """
                SELECT '%s ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(%s)
                FROM pg_catalog.%s o JOIN pg_catalog.pg_namespace n ON n.oid = %s
                WHERE %s AND %s""".formatted(kind, name, catalog, namespace, Queries.userSchema("n.nspname"),
                Queries.notExtensionMember(catalog, "o.oid"));
    }
}
