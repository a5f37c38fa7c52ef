package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.Errors;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.Snapshot;
import io.pgshift.progress.ProgressListener;
import io.pgshift.run.CopyResult;
import io.pgshift.run.CopyRun;
import io.pgshift.sql.Sql;

/**
 * {@code copy --online}: the copy of a snapshot, then the target following the source with PostgreSQL's own logical
 * replication until the cutover.
 * <ol>
 * <li>Every prerequisite on both servers is checked before anything is written.</li>
 * <li>The publication is made first, so that every change the slot decodes finds it.</li>
 * <li>The slot is made on a replication connection that exports its snapshot; the copy reads in that snapshot, so
 * the slot's first change is the first one the copy did not see.</li>
 * <li>Once the rows, indexes and constraints are in, the target subscribes to the slot without copying again, and
 * the run returns as soon as the target receives.</li>
 * </ol>
 * A failure anywhere removes what was made on both servers, as {@code abort} would: a slot left behind would hold
 * the source's WAL until its disk fills.
 */
public final class OnlineCopy {
    private final OnlineOptions options;
    private final ProgressListener listener;

    public OnlineCopy(OnlineOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public OnlineCopyResult run() {
        try (Connection source = Connector.open(options.source())) {
            ServerVersion version = CatalogReader.versionOf(source);
            String name = Sessions.name(source);
            List<Table> tables = tablesToCopy(version);
            SourceReadiness.Ready ready = SourceReadiness.check(source, version, options.source().describe(),
                    tables, options.replicaIdentityFull(), name, listener::warning);
            checkTarget(name);
            if (options.maxSlotWal() > 0) {
                SlotWatch.estimate(source, options.maxSlotWal());
            }
            return start(source, name, tables, ready);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "online copy: " + Errors.firstLine(e), e);
        }
    }

    private OnlineCopyResult start(Connection source, String name, List<Table> tables, SourceReadiness.Ready ready)
            throws SQLException {
        boolean made = false;
        try {
            for (Table t : ready.needFullIdentity()) {
                Statements.execute(source, "ALTER TABLE " + Sql.qualified(t.schema(), t.name())
                        + " REPLICA IDENTITY FULL");
            }
            made = true;
            Publication.create(source, name, tables, new Publication.Marker(options.target().describe(),
                    ready.needFullIdentity().stream().map(Table::oid).toList()));
            listener.info("online: publication " + name + " created on the source for "
                    + SourceReadiness.count(tables.stream().filter(t -> t.hasRows() && t.persistence() == 'p')
                            .count(), "table"));
            CopyResult copied;
            try (Slot slot = Slot.create(options.source(), name)) {
                listener.info("online: replication slot " + name + " created at " + slot.consistentPoint()
                        + "; copying in its snapshot");
                // The subscription's apply worker acts as each table's owner (PostgreSQL 16 on) or needs the owners'
                // rights: a target user that is not a superuser keeps the memberships the copy gives it.
                CopyRun copy = new CopyRun(options.copy().withKeepRoleGrants(true), listener)
                        .inSnapshot(slot.snapshot());
                try (SlotWatch watch = SlotWatch.start(options.source(), name, options.maxSlotWal(), copy::cancel)) {
                    try {
                        copied = copy.run();
                    } catch (RuntimeException e) {
                        PgShiftException gaveUp = watch.failure(options.maxSlotWal());
                        throw gaveUp != null ? gaveUp : e;
                    }
                }
            }
            try (Connection target = Connector.open(options.target())) {
                Subscription.create(target, name, options.subscriptionConnection());
                listener.info("online: subscription " + name + " created on the target");
                Subscription.awaitFollowing(target, source, name, options.followTimeout());
                FollowStatus status = new StatusReader(name).read(source, target);
                listener.info("online: the target follows the source, " + status.lagBytes() + " bytes behind");
                return new OnlineCopyResult(copied, name, status);
            }
        } catch (SQLException | RuntimeException e) {
            if (made) {
                for (String left : Abort.removeAll(options.source(), options.target(), name)) {
                    listener.warning("online copy failed: " + left);
                }
            }
            throw e;
        }
    }

    /** The tables the copy will take, read as the copy reads them, with the same filter. */
    private List<Table> tablesToCopy(ServerVersion version) throws SQLException {
        try (Connection reader = Connector.open(options.source())) {
            SessionSettings.applySource(reader, version);
            Snapshot.export(reader);
            Catalog catalog = options.copy().filter().apply(new CatalogReader(reader, version).forSchemaOnly().read());
            Snapshot.end(reader);
            return catalog.tables();
        }
    }

    private void checkTarget(String name) throws SQLException {
        Connection target;
        try {
            target = Connector.open(options.target());
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
            // The copy creates the database: ask the server through its maintenance database.
            target = Connector.open(options.target().withDatabase("postgres"));
        }
        try {
            TargetReadiness.check(target, CatalogReader.versionOf(target), options.target().describe(), name);
        } finally {
            Connections.closeQuietly(target);
        }
    }
}
