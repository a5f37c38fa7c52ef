package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.RoleUse;
import io.pgshift.catalog.SourceContext;
import io.pgshift.roles.TargetProfile;
import io.pgshift.connect.ConnInfo;
import io.pgshift.server.ReadOnlySessions;
import io.pgshift.server.ServerDatabases;

/**
 * The pre-flight check of a whole-server upgrade: reads both servers, in read-only sessions, and reports what
 * would stop the upgrade or change behaviour on the target. It writes nothing anywhere.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * Checks every source database the options select against the target server.
     *
     * @param source any database of the source server (the connection names the server)
     * @param target the target server; when the named database does not exist, postgres or template1 is used
     * @throws PgShiftException connection errors as the connector reports them; CHECK_FAILED when a server cannot
     *                          be read
     */
    public static CheckReport run(ConnInfo source, ConnInfo target, CheckOptions options) {
        String reading = "the source server";
        try (Connection s = ReadOnlySessions.openServer(source); Connection t = ReadOnlySessions.openServer(target)) {
            ServerFacts sourceFacts = ServerFacts.read(s);
            reading = "the target server";
            ServerFacts targetFacts = ServerFacts.read(t);
            TargetServer targetServer = TargetServer.read(t, targetFacts.version());
            List<Finding> findings = new ArrayList<>(ServerChecks.connectivity(source, sourceFacts, target, targetFacts));
            ServerDatabases.Selection selection = ServerDatabases.divide(s, options.databases());
            List<ServerDatabases.Database> databases = selection.databases();
            if (ServerChecks.sameServer(source, sourceFacts, target, targetFacts)) {
                // Every database would "exist on the target" and every role "differ": nothing else is meaningful.
                return report(source, target, sourceFacts, targetFacts, databases, findings, List.of(), null);
            }
            for (ServerDatabases.Skipped skipped : selection.leftOut()) {
                findings.add(FindingCode.DATABASE_SKIPPED.info(skipped.name(), List.of(skipped.name()),
                        "source database " + skipped.name() + " is neither checked nor moved: " + skipped.reason()));
            }
            boolean createsDatabases = databases.stream().anyMatch(d -> !targetServer.databases().contains(d.name()));
            findings.addAll(ServerChecks.targetPrivileges(targetFacts, createsDatabases));
            findings.addAll(ServerChecks.sourcePrivileges(sourceFacts));
            reading = "the roles";
            findings.addAll(RoleChecks.check(s, t));
            AccessCheck.Target access = AccessCheck.Target.read(t, targetFacts);
            findings.add(TargetProfiles.finding(t, targetFacts));
            Map<String, RoleUse> roleUses = new LinkedHashMap<>();
            CollationVersions sourceCollations = CollationVersions.read(
                    new SourceContext(s, sourceFacts.version()));
            List<DatabaseSize> sizes = new ArrayList<>();
            for (ServerDatabases.Database database : databases) {
                reading = "database " + database.name();
                if (!database.acceptsConnections()) {
                    findings.add(FindingCode.DATABASE_NOT_CONNECTABLE.warning(database.name(), List.of(database.name()),
                            "source database " + database.name() + " does not accept connections "
                                    + "(datallowconn is off), so it was not checked and cannot be migrated",
                            "ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true on the source, or "
                                    + "leave it out with --exclude-databases"));
                    continue;
                }
                DatabaseChecks.Result result = DatabaseChecks.run(source, target, database.name(), sourceFacts,
                        targetServer, sourceCollations, access, options);
                findings.addAll(result.findings());
                sizes.add(result.size());
                roleUses.put(database.name(), result.roles());
            }
            reading = "the roles the objects need";
            findings.addAll(AccessCheck.roles(t, access, roleUses, createdByUpgrade(s, access), options));
            Throughput throughput = DatabaseChecks.probe(source, sizes, options.probe());
            List<Sizing> sizing = sizes.stream().map(size -> Sizing.of(size, throughput)).toList();
            sizing.forEach(size -> findings.add(size.finding(throughput)));
            return report(source, target, sourceFacts, targetFacts, databases, findings, sizing, throughput);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "could not read " + reading + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * The source's roles that an upgrade creates on the target: those the target lacks, except the predefined
     * ones and the managed services' own, which are never copied.
     */
    private static Set<String> createdByUpgrade(Connection source, AccessCheck.Target target) throws SQLException {
        Set<String> created = new HashSet<>();
        for (String role : new SourceContext(source, CatalogReader.versionOf(source)).list(
                "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_'", rs -> rs.getString(1))) {
            if (!target.roles().contains(role) && !TargetProfile.anyOwns(role)) {
                created.add(role);
            }
        }
        return created;
    }

    private static CheckReport report(ConnInfo source, ConnInfo target, ServerFacts sourceFacts,
                                      ServerFacts targetFacts, List<ServerDatabases.Database> databases,
                                      List<Finding> findings, List<Sizing> sizing, Throughput throughput) {
        return new CheckReport(source.describe(), target.describe(), sourceFacts.versionText(),
                targetFacts.versionText(), databases.stream().map(ServerDatabases.Database::name).toList(), findings,
                sizing, throughput);
    }
}
