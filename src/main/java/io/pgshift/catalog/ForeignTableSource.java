package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.sql.Privileges;
import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Foreign tables: columns with their options, CHECK constraints, the server and its options, and their
 * place among inheritance parents or as a partition. They hold no rows of their own, so they have no data
 * to copy. Columns a child inherits are not listed in CREATE; what the child changed on them (NOT NULL,
 * a default, options) is altered afterwards.
 */
final class ForeignTableSource implements ObjectSource {

    private record ForeignColumn(String name, String type, boolean notNull, boolean parentNotNull, String defaultExpr,
                                 String parentDefault, boolean generated, String collation, boolean local,
                                 String options, Integer statistics, String storage, String comment, String acl) {
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        // The columns and checks are read from pg_attribute and pg_constraint whole: not for nothing.
        if (context.list("SELECT 1 FROM pg_catalog.pg_foreign_table LIMIT 1", rs -> true).isEmpty()) {
            return List.of();
        }
        Map<Long, List<ForeignColumn>> columns = columns(context);
        Map<Long, List<String>> checks = checks(context);
        boolean partitions = context.version().atLeast(10);
        List<ObjectDef> objects = new ArrayList<>();
        context.list("""
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner, s.srvname,
                       ft.ftoptions, %s AS bound,
                       ARRAY(SELECT i.inhparent FROM pg_catalog.pg_inherits i
                             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_oids,
                       ARRAY(SELECT ARRAY[pn.nspname, p.relname] FROM pg_catalog.pg_inherits i
                             JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                             JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parents,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
                JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver
                WHERE c.relkind = 'f' AND %s AND %s
                ORDER BY n.nspname, c.relname""".formatted(
                        partitions ? "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END"
                                : "NULL",
                        SourceContext.aclJson("c.relacl", 'r', "c.relowner"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_class", "c.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    String name = qualified(schema, rs.getString("relname"));
                    List<String> parents = new ArrayList<>();
                    for (Object pair : (Object[]) rs.getArray("parents").getArray()) {
                        String[] schemaAndName = (String[]) pair;
                        parents.add(qualified(schemaAndName[0], schemaAndName[1]));
                    }
                    Set<ObjectRef> dependsOn = new HashSet<>();
                    for (Long parent : (Long[]) rs.getArray("parent_oids").getArray()) {
                        dependsOn.add(ObjectRef.relation(parent));
                    }
                    List<ForeignColumn> cols = columns.getOrDefault(oid, List.of());
                    List<String> sql = create(name, cols, checks.getOrDefault(oid, List.of()), parents,
                            rs.getString("bound"), ident(rs.getString("srvname"))
                                    + ForeignDataSource.options(rs.getArray("ftoptions")));
                    ObjectRef ref = ObjectRef.relation(oid);
                    objects.add(ObjectDef.of(ref, Kind.FOREIGN_TABLE, schema, schema + "." + rs.getString("relname"),
                            "FOREIGN TABLE " + name, Section.PRE_DATA, sql).withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment")).withAcl("TABLE " + name, rs.getString("acl"))
                            .withDependencies(dependsOn).withTable(ref));
                    List<String> grants = new ArrayList<>();
                    for (ForeignColumn c : cols) {
                        grants.addAll(Privileges.columnStatements("TABLE " + name, c.name(), c.acl()));
                    }
                    if (!grants.isEmpty()) {
                        objects.add(ObjectDef.of(ObjectRef.of("pg_attribute", oid), Kind.COLUMN_PRIVILEGES, schema,
                                schema + "." + rs.getString("relname"), "TABLE " + name, Section.PRE_DATA, grants)
                                .withDependencies(Set.of(ref)).withTable(ref));
                    }
                    return null;
                });
        return objects;
    }

    private static List<String> create(String name, List<ForeignColumn> columns, List<String> checks,
                                       List<String> parents, String partitionBound, String server) {
        List<String> elements = new ArrayList<>();
        List<String> alters = new ArrayList<>();
        for (ForeignColumn c : columns) {
            String column = ident(c.name());
            if (c.local() && partitionBound == null) {
                elements.add(definition(c));
            } else {
                if (c.notNull() && !c.parentNotNull()) {
                    alters.add("ALTER FOREIGN TABLE ONLY " + name + " ALTER COLUMN " + column + " SET NOT NULL");
                }
                if (c.defaultExpr() != null && !c.defaultExpr().equals(c.parentDefault())) {
                    alters.add("ALTER FOREIGN TABLE ONLY " + name + " ALTER COLUMN " + column + " SET DEFAULT "
                            + c.defaultExpr());
                }
                if (c.options() != null) {
                    alters.add("ALTER FOREIGN TABLE ONLY " + name + " ALTER COLUMN " + column + c.options());
                }
            }
            if (c.statistics() != null) {
                alters.add("ALTER FOREIGN TABLE ONLY " + name + " ALTER COLUMN " + column + " SET STATISTICS "
                        + c.statistics());
            }
            if (c.storage() != null) {
                alters.add("ALTER FOREIGN TABLE ONLY " + name + " ALTER COLUMN " + column + " SET STORAGE "
                        + c.storage());
            }
            if (c.comment() != null) {
                alters.add("COMMENT ON COLUMN " + name + "." + column + " IS " + literal(c.comment()));
            }
        }
        elements.addAll(checks);
        String body = elements.isEmpty() ? "" : " (\n    " + String.join(",\n    ", elements) + "\n)";
        List<String> sql = new ArrayList<>();
        if (partitionBound != null) {
            sql.add("CREATE FOREIGN TABLE " + name + " PARTITION OF " + parents.get(0) + body + "\n" + partitionBound
                    + "\nSERVER " + server);
        } else {
            sql.add("CREATE FOREIGN TABLE " + name + (body.isEmpty() ? " (\n)" : body)
                    + (parents.isEmpty() ? "" : "\nINHERITS (" + String.join(", ", parents) + ")")
                    + "\nSERVER " + server);
        }
        sql.addAll(alters);
        return sql;
    }

    private static String definition(ForeignColumn c) {
        StringBuilder def = new StringBuilder(ident(c.name())).append(' ').append(c.type());
        if (c.options() != null) {
            def.append(c.options());
        }
        if (c.collation() != null) {
            def.append(" COLLATE ").append(c.collation());
        }
        if (c.generated()) {
            def.append(" GENERATED ALWAYS AS (").append(c.defaultExpr()).append(") STORED");
        } else if (c.defaultExpr() != null) {
            def.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.notNull()) {
            def.append(" NOT NULL");
        }
        return def.toString();
    }

    private static Map<Long, List<ForeignColumn>> columns(SourceContext context) throws SQLException {
        String generated = context.version().atLeast(12) ? "a.attgenerated = 's'" : "false";
        Map<Long, List<ForeignColumn>> byTable = new HashMap<>();
        context.list("""
                SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, %s AS generated,
                       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                            (SELECT ARRAY[cn.nspname, co.collname] FROM pg_catalog.pg_collation co
                             JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                             WHERE co.oid = a.attcollation) END AS collation,
                       a.attislocal, a.attfdwoptions,
                       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END AS statistics,
                       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
                       EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i
                               JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                               WHERE i.inhrelid = a.attrelid AND pa.attnotnull) AS parent_not_null,
                       (SELECT pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) FROM pg_catalog.pg_inherits i
                        JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                        JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                        WHERE i.inhrelid = a.attrelid LIMIT 1) AS parent_default,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = a.attrelid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = a.attnum) AS comment, %s AS acl
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                WHERE c.relkind = 'f' AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attrelid, a.attnum""".formatted(generated,
                        SourceContext.aclJson("a.attacl", 'c', "c.relowner")),
                rs -> {
                    java.sql.Array collation = rs.getArray("collation");
                    String[] coll = collation == null ? null : (String[]) collation.getArray();
                    Integer statistics = rs.getObject("statistics") == null ? null : rs.getInt("statistics");
                    ForeignColumn column = new ForeignColumn(rs.getString("attname"), rs.getString("type"),
                            rs.getBoolean("attnotnull"), rs.getBoolean("parent_not_null"), rs.getString("default_expr"),
                            rs.getString("parent_default"), rs.getBoolean("generated"),
                            coll == null ? null : qualified(coll[0], coll[1]), rs.getBoolean("attislocal"),
                            emptyToNull(ForeignDataSource.inlineOptions(rs.getArray("attfdwoptions"))), statistics,
                            storage(Queries.charOf(rs, "storage")), rs.getString("comment"), rs.getString("acl"));
                    byTable.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(column);
                    return column;
                });
        return byTable;
    }

    /** The table's own CHECK constraints; inherited ones come with the parent. */
    private static Map<Long, List<String>> checks(SourceContext context) throws SQLException {
        Map<Long, List<String>> byTable = new HashMap<>();
        context.list("""
                SELECT co.conrelid, co.conname, pg_catalog.pg_get_constraintdef(co.oid) AS definition
                FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
                WHERE c.relkind = 'f' AND co.contype = 'c' AND co.conislocal
                ORDER BY co.conrelid, co.conname""",
                rs -> byTable.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add("CONSTRAINT " + ident(rs.getString(2)) + " " + rs.getString(3)));
        return byTable;
    }

    private static String storage(char code) {
        return switch (code) {
            case 'p' -> "PLAIN";
            case 'e' -> "EXTERNAL";
            case 'm' -> "MAIN";
            case 'x' -> "EXTENDED";
            default -> null;
        };
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
