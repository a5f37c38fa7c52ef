package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.pgshift.catalog.RoleUse;
import io.pgshift.connect.ConnInfo;
import io.pgshift.server.ReadOnlySessions;

/** Runs every per-database check on one source database, each database in sessions of its own. */
final class DatabaseChecks {
    record Result(List<Finding> findings, DatabaseSize size, RoleUse roles) {
    }

    private DatabaseChecks() {
    }

    static Result run(ConnInfo source, ConnInfo target, String name, ServerFacts sourceFacts,
                      TargetServer targetServer, CollationVersions sourceCollations, AccessCheck.Target access,
                      CheckOptions options) throws SQLException {
        try (Connection s = ReadOnlySessions.open(source.withDatabase(name));
             Connection t = targetServer.databases().contains(name)
                     ? ReadOnlySessions.open(target.withDatabase(name)) : null) {
            DatabasePair db = new DatabasePair(name, s, sourceFacts.version(), t, targetServer);
            List<Finding> findings = new ArrayList<>();
            findings.addAll(ExtensionCheck.check(db));
            findings.addAll(ObjectCheck.check(db));
            findings.addAll(LocaleCheck.check(db, sourceCollations));
            findings.addAll(TargetStateCheck.check(db));
            findings.addAll(InventoryCheck.check(db));
            RoleUse roles = RoleUse.read(db.sourceContext());
            findings.addAll(AccessCheck.check(db, access, options, sourceFacts, roles));
            return new Result(findings, DatabaseSize.read(db), roles);
        }
    }

    /**
     * Reads the largest table of all for a moment; null when there is nothing to read, no time to read it, or the
     * read failed (the sizes are then reported without an estimate: a probe is no reason to fail the check).
     */
    static Throughput probe(ConnInfo source, List<DatabaseSize> sizes, Duration budget) {
        Optional<DatabaseSize> largest = sizes.stream().filter(s -> s.largestTable() != null)
                .max(Comparator.comparingLong(DatabaseSize::tableBytes));
        if (largest.isEmpty() || budget.isZero() || budget.isNegative()) {
            return null;
        }
        try (Connection s = ReadOnlySessions.open(source.withDatabase(largest.get().database()))) {
            return ThroughputProbe.measure(s, largest.get(), budget);
        } catch (SQLException e) {
            return null;
        }
    }
}
