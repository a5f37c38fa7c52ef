package io.pgshift.verify;

import java.sql.SQLException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.progress.Phase;
import io.pgshift.progress.ProgressListener;
import io.pgshift.data.SourceFailure;
import io.pgshift.roles.RoleAccess;
import io.pgshift.roles.RoleComparison;

/**
 * Proves that a target database equals its source: every object compared by its definition (owners, comments and
 * privileges included), every table by row count and an order-independent row hash, every sequence by position,
 * every large object by owner, privileges and contents. Both servers are only read, each in one snapshot that all
 * its sessions share, and both at the same time.
 */
public final class Verification {
    static final String SOURCE = "source";
    private static final String TARGET = "target";

    private Verification() {
    }

    private static SideSnapshot openSource(ConnInfo source) throws SQLException {
        try {
            return SideSnapshot.open(SOURCE, source);
        } catch (SourceFailure e) {
            throw e;
        } catch (SQLException e) {
            throw new SourceFailure(e);
        }
    }

    /** Verifies the database the two connections name, with the default options. */
    public static VerificationReport run(ConnInfo source, ConnInfo target) {
        return run(source, target, VerifyOptions.DEFAULTS);
    }

    /** Verifies the database the two connections name. */
    public static VerificationReport run(ConnInfo source, ConnInfo target, VerifyOptions options) {
        return VerificationReport.of(database(source, target, options, null, ProgressListener.NONE));
    }

    /**
     * Verifies the database the two connections name, reading the target in a snapshot another session exported
     * and holds open: the target as it was at that moment, whatever was written to it since.
     */
    public static VerificationReport run(ConnInfo source, ConnInfo target, VerifyOptions options,
                                         String targetSnapshot) {
        return run(source, target, options, targetSnapshot, ProgressListener.NONE);
    }

    /** As above, telling the listener of each table hashed on both servers (the {@link Phase#VERIFY} phase). */
    public static VerificationReport run(ConnInfo source, ConnInfo target, VerifyOptions options,
                                         String targetSnapshot, ProgressListener listener) {
        return VerificationReport.of(database(source, target, options, targetSnapshot, listener));
    }

    /**
     * Verifies several databases, one after the other, each reached through the servers' connections with the
     * database replaced. {@code only} names the databases to compare (empty: every database of the source but
     * the templates and maintenance databases); {@code exclude} leaves some out. A database missing on the target
     * is a difference; so, when {@code only} is empty, is one that only the target holds.
     *
     * @throws PgShiftException DATABASE_NOT_FOUND when {@code only} names a database the source does not hold
     */
    public static VerificationReport runDatabases(ConnInfo source, ConnInfo target, VerifyOptions options,
                                                  List<String> only, List<String> exclude) {
        return runDatabases(source, target, options, only, exclude, ProgressListener.NONE);
    }

    /** As above, telling the listener of each table hashed, database by database. */
    public static VerificationReport runDatabases(ConnInfo source, ConnInfo target, VerifyOptions options,
                                                  List<String> only, List<String> exclude,
                                                  ProgressListener listener) {
        List<String> onSource = DatabasesToVerify.onServer(source, ErrorCode.SOURCE_FAILED);
        for (String name : only) {
            if (!onSource.contains(name)) {
                throw new PgShiftException(ErrorCode.DATABASE_NOT_FOUND, "database \"" + name
                        + "\" does not exist on the source " + source.describe());
            }
        }
        List<String> onTarget = DatabasesToVerify.onServer(target, ErrorCode.MIGRATION_FAILED);
        List<String> sourceDatabases = DatabasesToVerify.select(onSource, only, exclude);
        List<SchemaDifference> missing = new ArrayList<>();
        List<DatabaseVerification> databases = new ArrayList<>();
        for (String name : sourceDatabases) {
            if (onTarget.contains(name)) {
                databases.add(database(source.withDatabase(name), target.withDatabase(name), options, null,
                        listener));
            } else {
                missing.add(new SchemaDifference("DATABASE " + name, "(database)", null));
            }
        }
        if (only.isEmpty()) {
            for (String name : DatabasesToVerify.select(onTarget, only, exclude)) {
                if (!sourceDatabases.contains(name)) {
                    missing.add(new SchemaDifference("DATABASE " + name, null, "(database)"));
                }
            }
        }
        if (!only.isEmpty()) {
            return new VerificationReport(databases, missing, List.of(),
                    List.of(VerificationReport.ROLES_NOT_COMPARED + " (without --databases)"));
        }
        RoleComparison.Result roles = roles(source, target,
                databases.stream().map(DatabaseVerification::database).collect(Collectors.toSet()));
        return new VerificationReport(databases, missing, roles.differences().stream()
                .map(d -> new SchemaDifference("ROLE " + d.role(), d.source(), d.target())).toList(),
                roles.notCompared());
    }

    private static RoleComparison.Result roles(ConnInfo source, ConnInfo target, Set<String> databases) {
        try (Connection s = DatabasesToVerify.openMaintenance(source);
             Connection t = DatabasesToVerify.openMaintenance(target)) {
            return RoleComparison.compare(s, t, databases);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not compare the roles: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static DatabaseVerification database(ConnInfo source, ConnInfo target, VerifyOptions options,
                                                 String targetSnapshot, ProgressListener listener) {
        RoleAccess.Grants grants = TargetAccess.acquire(target);
        DatabaseVerification result;
        try {
            result = compare(source, target, options, targetSnapshot, listener);
        } catch (RuntimeException e) {
            RoleAccess.release(target, grants).forEach(p -> e.addSuppressed(new IllegalStateException(p)));
            throw e;
        }
        List<String> problems = RoleAccess.release(target, grants);
        if (!problems.isEmpty()) {
            // A membership left behind is a change the user did not ask for: not a success.
            throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, String.join("; ", problems));
        }
        return result;
    }

    private static DatabaseVerification compare(ConnInfo source, ConnInfo target, VerifyOptions options,
                                                String targetSnapshot, ProgressListener listener) {
        try (SideSnapshot s = openSource(source); SideSnapshot t = SideSnapshot.open(TARGET, target, targetSnapshot);
             ParallelReads reads = new ParallelReads(s, t, options.jobs())) {
            boolean sameMajor = s.version().majorNumber() == t.version().majorNumber();
            CompletableFuture<DatabaseObjects> sourceRead = reads.onLeader(s, "the catalog",
                    c -> DatabaseObjects.read(c, s.version(), sameMajor));
            CompletableFuture<DatabaseObjects> targetRead = reads.onLeader(t, "the catalog",
                    c -> DatabaseObjects.read(c, t.version(), sameMajor));
            DatabaseObjects sourceObjects = reads.await(sourceRead);
            DatabaseObjects targetObjects = reads.await(targetRead);

            // Large objects are read alongside the tables, by one reader on each server.
            boolean largeObjects = !sourceObjects.largeObjects().isEmpty() || !targetObjects.largeObjects().isEmpty();
            CompletableFuture<Map<Long, LargeObjectContent>> sourceContents = largeObjects
                    ? reads.onSource("the large objects", LargeObjectDigests::read) : CompletableFuture.completedFuture(Map.of());
            CompletableFuture<Map<Long, LargeObjectContent>> targetContents = largeObjects
                    ? reads.onTarget("the large objects", LargeObjectDigests::read) : CompletableFuture.completedFuture(Map.of());
            List<TableCheck> tables = TableHashing.run(s, t, reads, sourceObjects.tables(), targetObjects.tables(),
                    options, listener);
            LargeObjectCheck largeObjectCheck = LargeObjectCheck.compare(sourceObjects.largeObjects(),
                    reads.await(sourceContents), targetObjects.largeObjects(), reads.await(targetContents));

            return new DatabaseVerification(source.dbname(),
                    SchemaComparison.compare(sourceObjects.statements(), targetObjects.statements()), tables,
                    SequenceCheck.compare(sourceObjects.sequences(), targetObjects.sequences()), largeObjectCheck);
        } catch (SQLException e) {
            // Reading the source failed, or the target: each has its own exit code, as in copy and dump.
            throw new PgShiftException(e instanceof SourceFailure ? ErrorCode.SOURCE_FAILED
                    : ErrorCode.MIGRATION_FAILED, "verification of database \"" + source.dbname()
                    + "\" failed: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
