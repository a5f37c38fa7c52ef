package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.single;
import static io.pgshift.catalog.Queries.userSchema;

/**
 * Reads a source database's schema from its catalogs. Queries branch on the server version, because the
 * catalogs change between 9.6 and 18. The caller's connection must already be inside the snapshot
 * transaction, with {@code search_path} empty so that every printed name is schema-qualified.
 */
public final class CatalogReader {
    private final Connection connection;
    private final ServerVersion version;
    private final boolean schemaOnly;

    public CatalogReader(Connection connection, ServerVersion version) {
        this(connection, version, false);
    }

    private CatalogReader(Connection connection, ServerVersion version, boolean schemaOnly) {
        this.connection = connection;
        this.version = version;
        this.schemaOnly = schemaOnly;
    }

    /**
     * A reader for a schema-only run, which leaves out what only rows need and what costs the source a relation
     * opened per table or sequence: sizes (every table reads as empty) and sequence positions (every sequence
     * stands at its start, where CREATE SEQUENCE leaves it). Before PostgreSQL 10 a sequence's options are in
     * the sequence relation too, so it is read all the same.
     */
    public CatalogReader forSchemaOnly() {
        return new CatalogReader(connection, version, true);
    }

    public static ServerVersion versionOf(Connection connection) throws SQLException {
        return new ServerVersion(Integer.parseInt(single(connection, "SHOW server_version_num")));
    }

    public Catalog read() throws SQLException {
        return read(List.of());
    }

    /**
     * Reads the catalog on this reader's session and, at the same time, on the given ones, which must be
     * inside the same snapshot (they imported it) with the same session settings. A 2,000-table schema's
     * catalog takes a second on one session; the reads are independent, so more sessions share that time.
     */
    public Catalog read(List<Connection> helpers) throws SQLException {
        return read(helpers, false).catalog();
    }

    /** The catalog and what some newer target versions cannot recreate, as {@link #incompatibilities()}. */
    public record Reading(Catalog catalog, List<Incompatibility> incompatibilities) {
    }

    /** As {@link #read(List)}, with the source's incompatibilities read at the same time. */
    public Reading readWithIncompatibilities(List<Connection> helpers) throws SQLException {
        return read(helpers, true);
    }

    private Reading read(List<Connection> helpers, boolean withIncompatibilities) throws SQLException {
        List<Connection> sessions = new ArrayList<>(helpers);
        sessions.add(0, connection);
        try (ParallelReads reads = new ParallelReads(sessions)) {
            // The costliest reads first, so that the small ones fill the gaps at the end.
            Future<List<View>> views = reads.submit(c -> new ViewReader(c, version).readWithoutColumns());
            Future<List<Constraint>> constraints = reads.submit(c -> new ConstraintReader(c, version).constraints());
            Future<Map<Long, List<Column>>> columns = reads.submit(c -> new ColumnReader(c, version).read());
            Future<Map<Long, List<ViewColumn>>> viewColumns = reads.submit(c -> new ViewReader(c, version).columns());
            Future<List<Table>> tables = reads.submit(
                    c -> new TableReader(c, version, !schemaOnly).readWithoutColumns());
            Future<List<SequenceDef>> sequences = reads.submit(
                    c -> new SequenceReader(c, version, !schemaOnly).read());
            Future<List<Index>> indexes = reads.submit(c -> new ConstraintReader(c, version).indexes());
            Future<List<Dependency>> dependencies = reads.submit(c -> new DependencyReader(c, version).read());
            Future<List<Incompatibility>> incompatibilities = withIncompatibilities
                    ? reads.submit(c -> incompatibilities(new SourceContext(c, version))) : null;
            List<Future<List<ObjectDef>>> objects = new ArrayList<>();
            for (ObjectSource source : ObjectSources.ALL) {
                objects.add(reads.submit(c -> source.read(new SourceContext(c, version))));
            }
            Future<DatabaseInfo> database = reads.submit(c -> DatabaseReader.read(new SourceContext(c, version)));
            Future<List<Schema>> schemas = reads.submit(this::schemas);
            List<ObjectDef> all = new ArrayList<>();
            for (Future<List<ObjectDef>> f : objects) {
                all.addAll(ParallelReads.get(f));
            }
            Catalog catalog = new Catalog(version, ParallelReads.get(database), ParallelReads.get(schemas),
                    TableReader.withColumns(ParallelReads.get(tables), ParallelReads.get(columns)),
                    ParallelReads.get(sequences),
                    ViewReader.withColumns(ParallelReads.get(views), ParallelReads.get(viewColumns)),
                    ParallelReads.get(constraints), ParallelReads.get(indexes), List.copyOf(all),
                    ParallelReads.get(dependencies));
            return new Reading(catalog, incompatibilities == null ? List.of() : ParallelReads.get(incompatibilities));
        }
    }

    /** What the source holds that some newer target versions cannot recreate, from every object source. */
    public List<Incompatibility> incompatibilities() throws SQLException {
        return incompatibilities(new SourceContext(connection, version));
    }

    private static List<Incompatibility> incompatibilities(SourceContext context) throws SQLException {
        List<Incompatibility> found = new ArrayList<>();
        for (ObjectSource source : ObjectSources.ALL) {
            found.addAll(source.incompatibilities(context));
        }
        return List.copyOf(found);
    }

    DatabaseInfo database() throws SQLException {
        return DatabaseReader.read(new SourceContext(connection, version));
    }

    List<Schema> schemas() throws SQLException {
        return schemas(connection);
    }

    private List<Schema> schemas(Connection connection) throws SQLException {
        return list(connection, """
                SELECT n.oid, n.nspname, %s AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = n.oid AND cmt.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_namespace n
                WHERE %s AND %s
                ORDER BY n.nspname""".formatted(schemaOwner(), SourceContext.aclJson("n.nspacl", 'n', "n.nspowner"),
                        userSchema("n.nspname"),
                        notExtensionMember("pg_namespace", "n.oid")),
                rs -> new Schema(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /**
     * SQL: a schema's owner, or null for a public schema whose owner is the default one of wherever it lives, as
     * pg_dump treats it: the bootstrap superuser before 15, pg_database_owner from 15 on, or the managed service's
     * admin role (azure_pg_admin, rds_superuser, cloudsqlsuperuser), which the service makes the owner on both
     * servers. Such an owner is the server's, not the source's: the target's public keeps its own.
     */
    static String schemaOwner() {
        return """
                CASE WHEN n.nspname = 'public' AND (n.nspowner = 10 OR pg_catalog.pg_get_userbyid(n.nspowner) IN \
                ('pg_database_owner', 'azure_pg_admin', 'rds_superuser', 'cloudsqlsuperuser')) THEN NULL \
                ELSE pg_catalog.pg_get_userbyid(n.nspowner) END""";
    }

    /** The materialized views that hold rows, read as tables: verify hashes their rows as it hashes a table's. */
    public List<Table> populatedMaterializedViews() throws SQLException {
        return new TableReader(connection, version, true, TableReader.POPULATED_MATERIALIZED_VIEWS).read();
    }

    public List<Table> tables() throws SQLException {
        return new TableReader(connection, version, true).read();
    }

    List<View> views() throws SQLException {
        return new ViewReader(connection, version).read();
    }

    List<Constraint> constraints() throws SQLException {
        return new ConstraintReader(connection, version).constraints();
    }

    List<Index> indexes() throws SQLException {
        return new ConstraintReader(connection, version).indexes();
    }
}
