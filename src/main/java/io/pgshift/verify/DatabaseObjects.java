package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.ddl.DatabaseProperties;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;
import io.pgshift.object.ObjectRef;
import io.pgshift.sql.Sql;

/**
 * What one database holds, as verify compares it, read from its catalog with the same reader copy uses and
 * written as the statements that would recreate each object. Objects are keyed by kind and name, never by oid,
 * which differs between servers. Sequence positions and large objects are set apart, as verify compares them
 * on their own; so are tables, whose rows are hashed.
 *
 * @param statements   each object's statements, keyed by kind and name
 * @param largeObjects each large object's statements (creation, owner, comment, privileges), keyed by oid
 * @param sequences    each sequence's position, keyed by schema-qualified name
 * @param tables       each table that holds rows and each populated materialized view, keyed by schema-qualified
 *                     name
 */
record DatabaseObjects(Map<String, String> statements, Map<Long, String> largeObjects,
                       Map<String, SequencePosition> sequences, Map<String, Table> tables) {

    /** A password in a libpq connection string inside a SQL literal: quoted (quotes doubled) or not. */
    private static final Pattern PASSWORD = Pattern.compile("password\\s*=\\s*(?:''(?:[^']|'''')*''|[^\\s']+)");

    /**
     * Reads the database on a session already in its snapshot, with search_path empty. Between different major
     * versions ({@code sameMajor} false), statements are first made version-neutral ({@link VersionNeutral}), and
     * definitions the server prints itself (views, rules) are compared by presence only.
     */
    static DatabaseObjects read(Connection connection, ServerVersion version, boolean sameMajor) throws SQLException {
        Catalog catalog = new CatalogReader(connection, version).read();
        Map<ObjectRef, String> columnOrders = inheritedColumnOrders(catalog);
        Map<String, String> statements = new LinkedHashMap<>();
        Map<Long, String> largeObjects = new LinkedHashMap<>();
        for (Entry e : new DdlWriter(catalog, DdlOptions.DEFAULTS).entries()) {
            if (e.kind() == Kind.LARGE_OBJECT) {
                largeObjects.put(Long.parseLong(e.name()), String.join(";\n", e.sql()));
                continue;
            }
            // Rows are hashed, sequence positions and large objects' contents compared on their own.
            if (e.kind() == Kind.SEQUENCE_SET || e.kind() == Kind.LARGE_OBJECT_DATA
                    || e.section() == Section.DATA && e.sql().isEmpty()) {
                continue;
            }
            // The database itself is compared whatever its name: a copy may go to another name.
            String key = e.kind() == Kind.DATABASE_PROPERTIES ? e.kind().label() : e.kind().label() + " " + e.name();
            List<String> sql = e.sql();
            if (!sameMajor && VersionNeutral.DEPARSED.contains(e.kind()) && !sql.isEmpty()) {
                // The owner, comment and privileges that follow are still compared.
                sql = new ArrayList<>(sql);
                sql.set(0, "(definition compared between equal versions only)");
            }
            if (e.kind() == Kind.MATERIALIZED_VIEW_DATA) {
                // Its rows are hashed; here only whether it holds any, not the settings it is refreshed under.
                sql = List.of("(populated)");
            }
            String text = String.join(";\n", sql);
            if (e.kind() == Kind.TABLE && columnOrders.containsKey(e.ref())) {
                text += ";\n" + columnOrders.get(e.ref());
            }
            if (e.kind() == Kind.SUBSCRIPTION) {
                // A subscription's connection string may hold a password, which no report may show.
                text = PASSWORD.matcher(text).replaceAll("password=********");
            }
            statements.merge(key, sameMajor ? text : VersionNeutral.of(text), (a, b) -> a + ";\n" + b);
        }
        Map<String, SequencePosition> sequences = new LinkedHashMap<>();
        for (SequenceDef s : catalog.sequences()) {
            sequences.put(s.displayName(), new SequencePosition(s.lastValue(), s.isCalled()));
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Table t : catalog.tables()) {
            if (t.hasRows()) {
                tables.put(t.displayName(), t);
            }
        }
        // A materialized view's rows are compared as a table's: a refresh under other settings gives other rows.
        for (Table m : new CatalogReader(connection, version).populatedMaterializedViews()) {
            tables.put(m.displayName(), m);
        }
        return new DatabaseObjects(statements, largeObjects, sequences, tables);
    }

    /**
     * The whole column order of each table that inherits: its statement names only the columns it declares itself,
     * and the server puts a parent's columns first, so two children that read the same could still order their
     * columns differently, which SELECT * and an INSERT without a column list would see.
     */
    private static Map<ObjectRef, String> inheritedColumnOrders(Catalog catalog) {
        Map<ObjectRef, String> orders = new HashMap<>();
        for (Table t : catalog.tables()) {
            if (!t.layout().parents().isEmpty()) {
                orders.put(t.ref(), "(columns in this order: " + t.columns().stream().map(c -> Sql.ident(c.name()))
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return orders;
    }
}
