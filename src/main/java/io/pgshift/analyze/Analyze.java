package io.pgshift.analyze;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.roles.RoleAccess;
import io.pgshift.Errors;
import io.pgshift.progress.ProgressListener;
import io.pgshift.server.DatabaseSelection;
import io.pgshift.server.ReadOnlySessions;
import io.pgshift.server.ServerDatabases;

/**
 * ANALYZE in parallel across tables and databases, largest tables first, in one pass or in three stages of
 * growing statistics targets. Gives a freshly loaded server the statistics its planner needs.
 */
public final class Analyze {
    private Analyze() {
    }

    /** Analyzes the databases the options name, or the connection names, or else every database. */
    public static AnalyzeResult run(AnalyzeOptions options, ProgressListener listener) {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        List<String> databases = databases(options, warnings);
        warnings.forEach(listener::warning);
        List<AnalyzeTable> tables = new ArrayList<>();
        Set<String> owners = new TreeSet<>();
        for (String db : databases) {
            try {
                tables.addAll(TableLister.list(options.target(), db, owners));
            } catch (SQLException e) {
                throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not list the tables of database "
                        + db + ": " + Errors.firstLine(e), e);
            }
        }
        // Only an owner (or, from 17, a holder of MAINTAIN) may analyze a table: a managed admin comes to act as
        // the owners it may for the time of the run, as the copy did, and takes that back after.
        RoleAccess.Grants grants = owners.isEmpty() ? null : RoleAccess.acquireWhatItMay(options.target(), owners);
        AnalyzeResult result;
        try {
            result = tables(options.target(), tables, options.jobs(), options.inStages(), listener);
        } finally {
            if (grants != null) {
                RoleAccess.release(options.target(), grants).forEach(warnings::add);
            }
        }
        warnings.addAll(result.warnings());
        return new AnalyzeResult(databases, result.stages(), result.tables(), Duration.ofNanos(System.nanoTime() - start),
                warnings);
    }

    /**
     * Analyzes the given tables, each in its own database of {@code server}, with {@code jobs} sessions.
     * {@code pgshift copy} calls this with the tables it created.
     */
    public static AnalyzeResult tables(ConnInfo server, List<AnalyzeTable> tables, int jobs, boolean inStages,
                                       ProgressListener listener) {
        long start = System.nanoTime();
        AnalyzeRunner runner = new AnalyzeRunner(server, jobs, listener);
        List<StageResult> stages = runner.run(tables, inStages ? Stage.IN_STAGES : Stage.ONCE);
        return new AnalyzeResult(tables.stream().map(AnalyzeTable::database).distinct().toList(), stages,
                tables.size(), Duration.ofNanos(System.nanoTime() - start), runner.warnings());
    }

    private static List<String> databases(AnalyzeOptions options, List<String> warnings) {
        if (!options.databases().isEmpty()) {
            return options.databases();
        }
        if (options.target().namesDatabase()) {
            return List.of(options.target().dbname());
        }
        List<String> names = new ArrayList<>();
        try (Connection c = ReadOnlySessions.openServer(options.target())) {
            for (ServerDatabases.Database db : ServerDatabases.select(c, DatabaseSelection.ALL)) {
                if (db.acceptsConnections()) {
                    names.add(db.name());
                } else {
                    warnings.add("database " + db.name() + " does not allow connections and is not analyzed");
                }
            }
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not list the databases of "
                    + options.target().describe() + ": " + Errors.firstLine(e), e);
        }
        return names;
    }
}
