package io.pgshift.upgrade;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.run.CopyOptions;
import io.pgshift.run.CopyResult;
import io.pgshift.run.CopyRun;
import io.pgshift.online.OnlineCopy;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

/**
 * Copies the databases with copy's engine, several at once: largest first, each with its {@link JobShare} of
 * the copiers. When one fails, no other starts; those already running finish, since stopping them would only
 * leave more half-copied databases behind. The first failure is rethrown once all have stopped.
 */
final class DatabaseCopies {
    private final UpgradeOptions options;
    private final ProgressListener listener;
    private final ReportBuilder report;
    /** Told of each database copied whole, for the upgrade's resume log. */
    private final Consumer<String> copiedWhole;
    private int free;
    private PgShiftException failure;

    DatabaseCopies(UpgradeOptions options, ProgressListener listener, ReportBuilder report,
                   Consumer<String> copiedWhole) {
        this.options = options;
        this.listener = listener;
        this.report = report;
        this.copiedWhole = copiedWhole;
        this.free = options.jobs();
    }

    /** Copies them all, or throws the first failure; returns the databases that were copied. */
    List<String> run(List<SourceDatabase> databases) {
        databases.forEach(d -> report.databaseQueued(d.name()));
        Deque<SourceDatabase> pending = new ArrayDeque<>(databases);
        List<Thread> threads = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        try {
            synchronized (this) {
                while (!pending.isEmpty()) {
                    while (free == 0 && failure == null) {
                        wait();
                    }
                    if (failure != null) {
                        break;
                    }
                    long pendingBytes = pending.stream().mapToLong(SourceDatabase::bytes).sum();
                    int count = pending.size();
                    SourceDatabase db = pending.poll();
                    int share = JobShare.of(free, db.bytes(), pendingBytes, count);
                    free -= share;
                    Thread t = new Thread(() -> copy(db.name(), share, copied), "pgshift-database-" + db.name());
                    threads.add(t);
                    t.start();
                }
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgShiftException(ErrorCode.INTERRUPTED, "interrupted");
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            if (copied.size() < threads.size()) {
                // A copy thread died of an Error: not a success, whatever else happened.
                throw new PgShiftException(ErrorCode.INTERNAL, (threads.size() - copied.size())
                        + " database copies stopped without a result");
            }
            // In the order they were listed (largest first), not the order they happened to finish in.
            return databases.stream().map(SourceDatabase::name).filter(copied::contains).toList();
        }
    }

    private void copy(String name, int jobs, List<String> copied) {
        report.databaseStarted(name, jobs);
        try {
            CopyOptions copy = copyOptions(options, name, jobs);
            // A database the interrupted upgrade was copying goes on from its copy's resume log.
            copy = copy.withResume(options.resume() && CopyRun.interrupted(copy), null);
            CopyResult result = options.online() == null ? new CopyRun(copy, new DatabaseListener(name)).run()
                    : new OnlineCopy(options.online().forCopy(copy, name), new DatabaseListener(name)).run().copy();
            if (options.online() == null) {
                copiedWhole.accept(name);
            }
            report.databaseCopied(name, result);
            synchronized (this) {
                copied.add(name);
            }
        } catch (RuntimeException e) {
            PgShiftException p = e instanceof PgShiftException pe ? pe
                    : new PgShiftException(ErrorCode.INTERNAL, e.getMessage() == null ? e.toString() : e.getMessage(), e);
            report.databaseFailed(name, p.getMessage());
            synchronized (this) {
                if (failure == null) {
                    failure = new PgShiftException(p.code(), "database " + name + ": " + p.getMessage(), p);
                }
            }
        } finally {
            synchronized (this) {
                free += jobs;
                notifyAll();
            }
        }
    }

    /** The options of one database's copy, its resume log kept where the upgrade keeps its own. */
    static CopyOptions copyOptions(UpgradeOptions options, String database, int jobs) {
        return new CopyOptions(options.source().withDatabase(database), options.target().withDatabase(database),
                jobs, jobs, options.clean(), options.ddl(), false, false, options.filter(),
                // The upgrade grants its user the owners' roles before the copies and takes them back at its
                // end, after verification, which reads every table too.
                CopyOptions.DEFAULT_SPLIT_THRESHOLD, 0, true).withResume(false, options.stateDirectory());
    }

    /** Passes a copy's progress on with its database's name, and keeps its warnings as findings. */
    private final class DatabaseListener implements ProgressListener {
        private final String database;

        DatabaseListener(String database) {
            this.database = database;
        }

        @Override
        public void phaseStarted(Progress progress) {
            listener.phaseStarted(database, progress);
        }

        @Override
        public void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
            listener.itemDone(progress, database + "." + item, rows, bytes, took);
        }

        @Override
        public void phaseFinished(Progress progress) {
            listener.phaseFinished(database, progress);
        }

        @Override
        public void warning(String message) {
            report.finding(new Finding(Step.DATABASES, Severity.WARNING, Finding.COPY_WARNING, database, message));
            listener.warning("database " + database + ": " + message);
        }

        @Override
        public void info(String message) {
            listener.info("database " + database + ": " + message);
        }
    }
}
