package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.Snapshot;
import io.pgshift.connect.Connections;

/**
 * The source side of a run: a leader session that holds an exported snapshot open, the catalog read inside
 * it, and a way to open more readers that see exactly the same data.
 */
final class SourceSnapshot implements AutoCloseable {
    private final ConnInfo info;
    private final Connection leader;
    private final ServerVersion version;
    private final String snapshotId;
    private final Catalog catalog;

    private SourceSnapshot(ConnInfo info, Connection leader, ServerVersion version, String snapshotId,
                           Catalog catalog) {
        this.info = info;
        this.leader = leader;
        this.version = version;
        this.snapshotId = snapshotId;
        this.catalog = catalog;
    }

    /**
     * Opens the snapshot and reads the catalog on {@code sessions} sessions at once, keeping the objects the
     * filter selects. The extra sessions are closed once the catalog is read.
     *
     * @param schemaOnly for a dump without data, whose catalog needs no table sizes or sequence positions
     */
    static SourceSnapshot open(ConnInfo info, CatalogFilter filter, int sessions, boolean schemaOnly)
            throws SQLException {
        Connection leader = Connector.open(info);
        try {
            ServerVersion version = CatalogReader.versionOf(leader);
            if (version.compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
                throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "source " + info.describe()
                        + " runs PostgreSQL " + version + "; pgshift supports sources from 9.6 on");
            }
            SessionSettings.applySource(leader, version);
            String snapshotId = Snapshot.export(leader);
            SourceSnapshot snapshot = new SourceSnapshot(info, leader, version, snapshotId, null);
            List<Connection> helpers = new ArrayList<>();
            try {
                for (int i = 1; i < sessions; i++) {
                    helpers.add(snapshot.openReader());
                }
                CatalogReader reader = new CatalogReader(leader, version);
                Catalog catalog = filter.apply((schemaOnly ? reader.forSchemaOnly() : reader).read(helpers));
                if (!schemaOnly) {
                    SourceContext context = new SourceContext(leader, version);
                    SourceReads.require(context, catalog, filter, TargetDatabase.currentUser(leader));
                    RowMemory.require(context, catalog, filter.excludedData(catalog), sessions);
                }
                return new SourceSnapshot(info, leader, version, snapshotId, catalog);
            } finally {
                helpers.forEach(Connections::closeQuietly);
            }
        } catch (SQLException | RuntimeException e) {
            leader.close();
            throw e;
        }
    }

    Catalog catalog() {
        return catalog;
    }

    ServerVersion version() {
        return version;
    }

    ConnInfo info() {
        return info;
    }

    /** A new read-only session in the leader's snapshot. */
    Connection openReader() throws SQLException {
        Connection reader = Connector.open(info);
        try {
            SessionSettings.applySource(reader, version);
            Snapshot.join(reader, snapshotId);
            return reader;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The leader's own session, for work done in order on one connection (plain dumps). */
    Connection leader() {
        return leader;
    }

    @Override
    public void close() throws SQLException {
        leader.close();
    }
}
