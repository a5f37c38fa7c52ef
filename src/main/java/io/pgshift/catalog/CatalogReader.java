package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    public CatalogReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    public static ServerVersion versionOf(Connection connection) throws SQLException {
        return new ServerVersion(Integer.parseInt(single(connection, "SHOW server_version_num")));
    }

    public Catalog read() throws SQLException {
        List<Table> tables = tables();
        SourceContext context = new SourceContext(connection, version);
        List<ObjectDef> objects = new ArrayList<>();
        for (ObjectSource source : ObjectSources.ALL) {
            objects.addAll(source.read(context));
        }
        return new Catalog(version, database(), schemas(), tables, new SequenceReader(connection, version).read(),
                views(), constraints(), indexes(), List.copyOf(objects), new DependencyReader(connection, version).read());
    }

    /** What the source holds that some newer target versions cannot recreate, from every object source. */
    public List<Incompatibility> incompatibilities() throws SQLException {
        SourceContext context = new SourceContext(connection, version);
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
        return list(connection, """
                SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
                       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment, %s AS acl
                FROM pg_catalog.pg_namespace n
                WHERE %s AND %s
                ORDER BY n.nspname""".formatted(SourceContext.aclJson("n.nspacl", 'n', "n.nspowner"), userSchema("n.nspname"),
                        notExtensionMember("pg_namespace", "n.oid")),
                rs -> new Schema(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    public List<Table> tables() throws SQLException {
        return new TableReader(connection, version).read();
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
