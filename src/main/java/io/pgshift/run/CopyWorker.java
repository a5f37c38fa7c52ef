package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.connect.Connections;

/** One worker's connections: a source session in the shared snapshot and a target session. */
final class CopyWorker extends RetryableSessions implements Scheduler.WorkerContext, AutoCloseable {
    private static final String INDEX_SORT_MEMORY = "256MB";

    /** Null for an index builder, and once the rows are all read. */
    Connection source;
    Connection target;
    /** The sessions' server processes, kept from the start: a connection that was aborted no longer tells. */
    /** What the sessions were opened and set up with, to open them again the same way. */
    private CopyOptions options;
    private ServerVersion sourceVersion;
    private ServerVersion targetVersion;
    private int sourcePid;
    private int targetPid;
    /** Whether the worker reads the source: a copier until its source session is closed, never an indexer. */
    private boolean reads;

    private CopyWorker(boolean reads) {
        this.reads = reads;
    }

    /** A copier: a session on each side; its source session also reads the catalog. */
    static CopyWorker copier() {
        return new CopyWorker(true);
    }

    /** An index builder: a session on the target only. */
    static CopyWorker indexer() {
        return new CopyWorker(false);
    }

    /** Logs a copier's source session in; it is set up once the source's version is known. */
    void connectSource(CopyOptions options) {
        this.options = options;
        source = Connector.open(options.source());
        sourcePid = Connections.backendPid(source);
    }

    /** Sets the copier's source session up; it joins the shared snapshot later. */
    void prepareSource(ServerVersion sourceVersion) throws SQLException {
        this.sourceVersion = sourceVersion;
        SessionSettings.applySource(source, sourceVersion);
    }

    /**
     * Logs the target session in if the target database exists already; it is set up once the target's
     * version is known. A missing database is created later, and the session opened then.
     */
    void connectTargetIfExists(CopyOptions options) {
        try {
            target = Connector.openForScripts(options.target());
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Opens the target session, once the target database exists; this worker closes it in any case. */
    void openTarget(CopyOptions options, ServerVersion targetVersion) throws SQLException {
        this.options = options;
        target = Connector.openForScripts(options.target());
        prepareTarget(targetVersion);
    }

    /** Sets the target session up for the copy. */
    void prepareTarget(ServerVersion targetVersion) throws SQLException {
        this.targetVersion = targetVersion;
        targetPid = Connections.backendPid(target);
        SessionSettings.applyTarget(target, targetVersion);
        // Index builds sort; the server default (64MB) sends a large table's sort to disk. A fixed bound
        // per session keeps the total predictable: sessions times this at most.
        SessionSettings.execute(target, "SET maintenance_work_mem = '" + INDEX_SORT_MEMORY + "'");
    }

    /**
     * Replaces both sessions after one of them was lost: the old ones are dropped, whatever state they are in, and
     * new ones are set up as the first were. The source session joins the run's snapshot when it reads again.
     */
    @Override
    void reconnect() throws SQLException {
        int oldSource = sourcePid;
        int oldTarget = targetPid;
        close();
        clearStall();
        // An index builder, or a copier done with its rows, has no source session and needs none.
        if (reads) {
            connectSource(options);
            prepareSource(sourceVersion);
        }
        openTarget(options, targetVersion);
        // The old sessions' server processes may not have noticed yet that their client is gone, and may hold the
        // table's lock until their TCP timeouts end them, hours later: end them now.
        if (reads) {
            Connections.terminate(source, oldSource);
        }
        Connections.terminate(target, oldTarget);
    }

    @Override
    Connection targetSession() {
        return target;
    }

    @Override
    Connection sourceSession() {
        return source;
    }

    @Override
    void abortSessions() {
        Connections.abort(source);
        Connections.abort(target);
    }

    @Override
    public boolean accepts(Entry entry) {
        return source != null || entry.section() != Section.DATA;
    }

    @Override
    public void cancel() {
        Connections.cancel(source);
        Connections.cancel(target);
    }

    /** Closes the source session for good: the worker reads no more rows. */
    void closeSource() {
        reads = false;
        Connections.closeQuietly(source);
        source = null;
    }

    @Override
    public void close() {
        Connections.closeQuietly(source);
        source = null;
        Connections.closeQuietly(target);
    }
}
