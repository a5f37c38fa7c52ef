package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;

/**
 * A plain-text description of the user's types, collations, conversions and casts, read with catalog queries
 * that mean the same on every version: what the pg_dump oracle checks, for targets pg_dump 15 cannot dump
 * (16 and later). Features newer than the source are left out, since the target derives them (a range's
 * multirange name before 14, a domain's NOT NULL constraint name before 17).
 */
final class TypesDescription {
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname !~ '^pg_'";

    private TypesDescription() {
    }

    static List<String> of(Connection c, int sourceMajor) throws SQLException {
        ServerVersion v = CatalogReader.versionOf(c);
        List<String> lines = new ArrayList<>();
        lines.addAll(rows(c, """
                SELECT 'type ' || t.oid::regtype::text || ' ' || t.typtype::text || ' owner ' || t.typowner::regrole::text
                       || ' acl ' || COALESCE(t.typacl::text, '-') || ' comment ' || COALESCE(obj_description(t.oid,
                       'pg_type'), '-') || ' base ' || COALESCE(format_type(NULLIF(t.typbasetype, 0), t.typtypmod), '-')
                       || ' default ' || COALESCE(t.typdefault, '-') || ' notnull ' || t.typnotnull::text
                       || ' collation ' || %2$s
                       || ' labels ' || COALESCE((SELECT string_agg(e.enumlabel, '|' ORDER BY e.enumsortorder)
                                                  FROM pg_enum e WHERE e.enumtypid = t.oid), '-')
                       || ' attributes ' || COALESCE((SELECT string_agg(a.attname || ':' || format_type(a.atttypid,
                              a.atttypmod) || ':' || %3$s, '|' ORDER BY a.attnum)
                              FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '-')
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE %1$s AND t.typtype <> 'm'
                  AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)
                  AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')"""
                .formatted(USER_SCHEMA, collation("t.typcollation"), collation("a.attcollation"))));
        lines.addAll(rows(c, """
                SELECT 'range ' || r.rngtypid::regtype::text || ' subtype ' || r.rngsubtype::regtype::text
                       || ' opclass ' || (SELECT opcname FROM pg_opclass WHERE oid = r.rngsubopc) || ' collation ' || %s
                       || ' canonical ' || r.rngcanonical::text || ' diff ' || r.rngsubdiff::text || %s
                FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE %s""".formatted(collation("r.rngcollation"),
                sourceMajor >= 14 ? "' multirange ' || r.rngmultitypid::regtype::text" : "''", USER_SCHEMA)));
        lines.addAll(rows(c, """
                SELECT 'domain constraint ' || co.contypid::regtype::text || ' ' || co.conname || ' '
                       || pg_get_constraintdef(co.oid) || ' valid ' || co.convalidated::text || ' comment '
                       || COALESCE(obj_description(co.oid, 'pg_constraint'), '-')
                FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
                WHERE co.contypid <> 0 AND %s AND %s""".formatted(USER_SCHEMA,
                sourceMajor >= 17 ? "true" : "co.contype = 'c'")));
        String locale = v.atLeast(17) ? "COALESCE(co.colllocale, co.collcollate)"
                : v.atLeast(15) ? "COALESCE(co.colliculocale, co.collcollate)" : "co.collcollate";
        lines.addAll(rows(c, """
                SELECT 'collation ' || n.nspname || '.' || co.collname || ' ' || co.collprovider::text || ' '
                       || co.collisdeterministic::text || ' ' || %s || ' ' || CASE WHEN co.collprovider = 'c' THEN co.collctype ELSE '-' END
                       || ' owner ' || co.collowner::regrole::text || ' comment '
                       || COALESCE(obj_description(co.oid, 'pg_collation'), '-') || %s
                FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace WHERE %s"""
                .formatted(locale, sourceMajor >= 16 ? "' rules ' || COALESCE(co.collicurules, '-')" : "''",
                        USER_SCHEMA)));
        lines.addAll(rows(c, """
                SELECT 'conversion ' || n.nspname || '.' || co.conname || ' ' || pg_encoding_to_char(co.conforencoding) || '>'
                       || pg_encoding_to_char(co.contoencoding) || ' ' || co.conproc::text || ' ' || co.condefault::text
                FROM pg_conversion co JOIN pg_namespace n ON n.oid = co.connamespace WHERE %s"""
                .formatted(USER_SCHEMA)));
        lines.addAll(rows(c, """
                SELECT 'cast ' || c.castsource::regtype::text || ' ' || c.casttarget::regtype::text || ' '
                       || c.castfunc::regprocedure::text || ' ' || c.castcontext::text || c.castmethod::text || ' comment '
                       || COALESCE(obj_description(c.oid, 'pg_cast'), '-')
                FROM pg_cast c WHERE c.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_cast'::regclass AND d.objid = c.oid AND d.deptype = 'i')"""));
        lines.sort(null);
        return lines;
    }

    /** The collation's qualified name; regcollation only exists from 13 on. */
    private static String collation(String oidExpression) {
        return "COALESCE((SELECT cn.nspname || '.' || cl.collname FROM pg_collation cl "
                + "JOIN pg_namespace cn ON cn.oid = cl.collnamespace WHERE cl.oid = " + oidExpression + "), '-')";
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
