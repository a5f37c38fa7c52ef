package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.Snapshot;

/**
 * One server's side of a verification: a leader session in a read-only REPEATABLE READ transaction whose
 * snapshot it exports, and readers that join that snapshot for as long as the leader stays open. Everything
 * verify reads on one server, catalog, sequences, large objects and every range of every table, is therefore
 * read as of one instant, however many sessions read it. Both servers are only read: verify writes nothing,
 * to the target either.
 */
final class SideSnapshot implements AutoCloseable {
    private final String side;
    private final ConnInfo info;
    private final Connection leader;
    private final ServerVersion version;
    private final String snapshotId;

    private SideSnapshot(String side, ConnInfo info, Connection leader, ServerVersion version, String snapshotId) {
        this.side = side;
        this.info = info;
        this.leader = leader;
        this.version = version;
        this.snapshotId = snapshotId;
    }

    /** Connects and exports the snapshot; {@code side} ("source" or "target") names the server in messages. */
    static SideSnapshot open(String side, ConnInfo info) throws SQLException {
        return open(side, info, null);
    }

    /**
     * Connects and joins a snapshot another session exported and keeps open, or exports one when {@code given} is
     * null: a cutover verifies the target as it was at the moment it was handed over, while the application may
     * already write to it.
     */
    static SideSnapshot open(String side, ConnInfo info, String given) throws SQLException {
        Connection leader = Connector.open(info);
        try {
            ServerVersion version = CatalogReader.versionOf(leader);
            if (version.compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
                throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, side + " " + info.describe()
                        + " runs PostgreSQL " + version + "; pgshift supports servers from 9.6 on");
            }
            SessionSettings.applySource(leader, version);
            if (given != null) {
                Snapshot.join(leader, given);
                return new SideSnapshot(side, info, leader, version, given);
            }
            return new SideSnapshot(side, info, leader, version, Snapshot.export(leader));
        } catch (SQLException | RuntimeException e) {
            leader.close();
            throw e;
        }
    }

    String side() {
        return side;
    }

    boolean isSource() {
        return Verification.SOURCE.equals(side);
    }

    ConnInfo info() {
        return info;
    }

    ServerVersion version() {
        return version;
    }

    /** The session that holds the snapshot; read on it from one thread at a time. */
    Connection leader() {
        return leader;
    }

    /** A new read-only session with the settings row hashes depend on, not yet in a transaction. */
    Connection openReader() throws SQLException {
        Connection reader = Connector.open(info);
        try {
            SessionSettings.applySource(reader, version);
            RowHasher.prepareSession(reader);
            return reader;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Starts a transaction in the leader's snapshot on a reader. Each piece of work joins and ends its own
     * transaction, so a reader holds a table's lock only while it hashes that table.
     */
    void join(Connection reader) throws SQLException {
        Snapshot.join(reader, snapshotId);
    }

    @Override
    public void close() throws SQLException {
        leader.close();
    }
}
