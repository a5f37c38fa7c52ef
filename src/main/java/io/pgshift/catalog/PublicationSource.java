package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Publications (PostgreSQL 10 on) with their tables, and from 15 on their schemas, row filters and column
 * lists. The publish options are always written out, because their defaults changed (truncate in 11).
 * Like pg_dump, pgshift creates them after the data: publishing plays no part in loading it.
 * Subscriptions are written by {@link SubscriptionSource}, disabled.
 */
public final class PublicationSource implements ObjectSource {

    /**
     * The names online mode gives the publication, slot and subscription it makes for one database, and drops at
     * its cutover. They are its scaffolding, never the user's: no copy, dump or verification carries them.
     */
    public static final String ONLINE_MODE_PREFIX = "pgshift_online_";

    /** A condition on a name column that leaves online mode's own objects out. */
    static String notOnlineMode(String nameColumn) {
        return "NOT " + nameColumn + " LIKE '" + ONLINE_MODE_PREFIX.replace("_", "\\_") + "%'";
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        if (!context.version().atLeast(10)) {
            return List.of();
        }
        List<ObjectDef> objects = new ArrayList<>(publications(context));
        objects.addAll(tables(context));
        if (context.version().atLeast(15)) {
            objects.addAll(schemas(context));
        }
        return objects;
    }

    private static List<ObjectDef> publications(SourceContext context) throws SQLException {
        ServerVersion version = context.version();
        return context.list("""
                SELECT p.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner, p.puballtables,
                       p.pubinsert, p.pubupdate, p.pubdelete, %s AS pubtruncate, %s AS pubviaroot,
                       %s AS pubgencols, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = p.oid AND cmt.classoid = 'pg_catalog.pg_publication'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_publication p
                WHERE %s
                ORDER BY p.pubname""".formatted(version.atLeast(11) ? "p.pubtruncate" : "false",
                        version.atLeast(13) ? "p.pubviaroot" : "false",
                        version.atLeast(18) ? "p.pubgencols" : "'n'::pg_catalog.\"char\"",
                        notOnlineMode("p.pubname")),
                rs -> {
                    List<String> publish = new ArrayList<>();
                    for (String action : List.of("insert", "update", "delete", "truncate")) {
                        if (rs.getBoolean("pub" + action)) {
                            publish.add(action);
                        }
                    }
                    String name = ident(rs.getString("pubname"));
                    String create = "CREATE PUBLICATION " + name
                            + (rs.getBoolean("puballtables") ? " FOR ALL TABLES" : "")
                            + " WITH (publish = '" + String.join(", ", publish) + "'"
                            + (rs.getBoolean("pubviaroot") ? ", publish_via_partition_root = true" : "")
                            + (Queries.charOf(rs, "pubgencols") == 's' ? ", publish_generated_columns = stored" : "")
                            + ")";
                    return ObjectDef.of(ObjectRef.of("pg_publication", rs.getLong("oid")), Kind.PUBLICATION, null,
                            rs.getString("pubname"), "PUBLICATION " + name, Section.POST_DATA, List.of(create))
                            .withOwner(rs.getString("owner")).withComment(rs.getString("comment"));
                });
    }

    private static List<ObjectDef> tables(SourceContext context) throws SQLException {
        boolean filters = context.version().atLeast(15);
        return context.list("""
                SELECT pr.oid, pr.prpubid, p.pubname, pr.prrelid, n.nspname, c.relname, %s AS qual, %s AS columns
                FROM pg_catalog.pg_publication_rel pr
                JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
                JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s
                ORDER BY p.pubname, n.nspname, c.relname""".formatted(
                        filters ? "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)" : "NULL",
                        filters ? """
                                ARRAY(SELECT a.attname
                                      FROM pg_catalog.unnest(pr.prattrs::pg_catalog.int2[]) WITH ORDINALITY k(num, i)
                                      JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.num
                                      ORDER BY k.i)""" : "ARRAY[]::pg_catalog.name[]",
                        notOnlineMode("p.pubname")),
                rs -> {
                    String table = qualified(rs.getString("nspname"), rs.getString("relname"));
                    List<String> columns = new ArrayList<>();
                    for (String column : (String[]) rs.getArray("columns").getArray()) {
                        columns.add(ident(column));
                    }
                    String qual = rs.getString("qual");
                    String sql = "ALTER PUBLICATION " + ident(rs.getString("pubname")) + " ADD TABLE ONLY " + table
                            + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")")
                            + (qual != null ? " WHERE (" + qual + ")" : "");
                    return ObjectDef.of(ObjectRef.of("pg_publication_rel", rs.getLong("oid")), Kind.PUBLICATION_TABLE,
                            rs.getString("nspname"), rs.getString("pubname") + " " + rs.getString("nspname") + "."
                                    + rs.getString("relname"), "PUBLICATION TABLE", Section.POST_DATA, List.of(sql))
                            .withDependencies(Set.of(ObjectRef.of("pg_publication", rs.getLong("prpubid")),
                                    ObjectRef.relation(rs.getLong("prrelid"))));
                });
    }

    private static List<ObjectDef> schemas(SourceContext context) throws SQLException {
        return context.list("""
                SELECT pn.oid, pn.pnpubid, p.pubname, pn.pnnspid, n.nspname
                FROM pg_catalog.pg_publication_namespace pn
                JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
                JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
                WHERE %s
                ORDER BY p.pubname, n.nspname""".formatted(notOnlineMode("p.pubname")),
                rs -> ObjectDef.of(ObjectRef.of("pg_publication_namespace", rs.getLong("oid")),
                        Kind.PUBLICATION_TABLES_IN_SCHEMA, rs.getString("nspname"),
                        rs.getString("pubname") + " " + rs.getString("nspname"), "PUBLICATION TABLES IN SCHEMA",
                        Section.POST_DATA, List.of("ALTER PUBLICATION " + ident(rs.getString("pubname"))
                                + " ADD TABLES IN SCHEMA " + ident(rs.getString("nspname"))))
                        .withDependencies(Set.of(ObjectRef.of("pg_publication", rs.getLong("pnpubid")),
                                ObjectRef.namespace(rs.getLong("pnnspid")))));
    }
}
