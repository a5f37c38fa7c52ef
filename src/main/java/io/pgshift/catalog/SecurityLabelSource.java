package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Security labels of the source database's objects (SECURITY LABEL FOR provider ON ...), as pg_dump writes them.
 * Those of roles and tablespaces belong to the server, as pg_dumpall's. A label needs its provider (sepgsql,
 * PostgreSQL Anonymizer) loaded on the target: a copy or restore checks that before writing anything.
 */
public final class SecurityLabelSource implements ObjectSource {

    /** The provider of a label entry, which starts its name. */
    public static String providerOf(Entry label) {
        return label.name().substring(0, label.name().indexOf(": "));
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT l.objoid, l.classoid::pg_catalog.regclass::text AS catalog, l.objsubid, l.objtype,
                       l.objname, l.provider, l.label
                FROM pg_catalog.pg_seclabels l
                WHERE l.objtype NOT IN ('role', 'tablespace')
                  AND (l.objtype <> 'database' OR l.objname = pg_catalog.quote_ident(pg_catalog.current_database()))
                ORDER BY l.provider, l.objtype, l.objname""",
                rs -> {
                    String objtype = rs.getString("objtype").toUpperCase(Locale.ROOT);
                    String provider = rs.getString("provider");
                    String label = rs.getString("label");
                    // The database's label goes on whatever database the copy writes into.
                    String sql = objtype.equals("DATABASE")
                            ? "DO $pgshift$BEGIN EXECUTE pg_catalog.format('SECURITY LABEL FOR %I ON DATABASE %I IS %L', "
                                    + literal(provider) + ", pg_catalog.current_database(), " + literal(label)
                                    + "); END$pgshift$"
                            : "SECURITY LABEL FOR " + ident(provider) + " ON " + objtype + " " + rs.getString("objname")
                                    + " IS " + literal(label);
                    ObjectRef labelled = ObjectRef.of(rs.getString("catalog"), rs.getLong("objoid"));
                    // A label has no oid of its own: its ref is the labelled object's oid, under a name that holds
                    // the provider and the sub-object (a column), which together tell labels apart.
                    return ObjectDef.of(ObjectRef.of("pg_seclabel " + provider + " " + rs.getInt("objsubid"),
                                    rs.getLong("objoid")), Kind.SECURITY_LABEL, null,
                                    rs.getString("provider") + ": " + rs.getString("objtype") + " " + rs.getString("objname"),
                                    null, Section.POST_DATA, List.of(sql))
                            .withDependencies(Set.of(labelled));
                });
    }
}
