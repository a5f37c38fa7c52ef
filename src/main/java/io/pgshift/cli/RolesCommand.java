package io.pgshift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.sql.Sql;
import io.pgshift.roles.DatabaseRoleSetting;
import io.pgshift.roles.RoleMigration;
import io.pgshift.roles.RoleMigrationResult;
import io.pgshift.roles.RoleOptions;
import io.pgshift.roles.TargetProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "roles", sortOptions = false,
        description = {"Move every role (pg_dumpall --roles-only) to a target server, or into a psql script: "
                + "attributes, password verifiers, VALID UNTIL, comments, per-role and per-database settings, "
                + "memberships (with ADMIN, INHERIT and SET options and GRANTED BY where the versions have them) and "
                + "parameter privileges.",
            "Safe to replay: a role the target has is altered, never an error. Attributes the target does not grant "
                + "(a managed service, or a connecting user that is not a superuser) are left out and listed."})
final class RolesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN", description = "The server to read roles from.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN", description = "Create or alter the roles on this server.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Write a script for psql -v ON_ERROR_STOP=1 -f FILE instead (- for standard output); "
                    + "it runs on a target with or without the roles, and again. The file is new and readable by "
                    + "its owner only: it holds password verifiers.")
    Path file;

    @Option(names = "--target-profile", paramLabel = "PROFILE", defaultValue = "auto",
            description = "auto (default: detect from the target; generic for a script), generic, azure, rds or "
                    + "cloudsql. Managed profiles leave out SUPERUSER, REPLICATION and BYPASSRLS and skip the "
                    + "service's own roles.")
    String profile;

    @Option(names = "--role-map", paramLabel = "OLD=NEW",
            description = "Memberships, grantors and parameter privileges of source role OLD go to target role NEW "
                    + "(the source's admin onto the target's); OLD is not created. Repeatable.")
    List<String> roleMap = new ArrayList<>();

    @Option(names = "--no-role-passwords", description = "Leave passwords out; LOGIN roles that had one are listed.")
    boolean noPasswords;

    @Option(names = "--dry-run", description = "Print the statements (passwords masked); change and write nothing.")
    boolean dryRun;

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() {
        RoleOptions options = new RoleOptions(TargetProfile.of(profile), RoleOptions.parseRoleMap(roleMap),
                noPasswords, dryRun, true);
        PrintWriter err = spec.commandLine().getErr();
        ConnInfo to = target(Environment.system()).orElse(null);
        ConnInfo from = source(Environment.system());
        RoleMigrationResult result;
        boolean toStdout = file != null && "-".equals(file.toString());
        if (to != null) {
            result = RoleMigration.run(from, to, options);
        } else if (toStdout) {
            result = RoleMigration.writeScript(from, options, System.out);
            System.out.flush();
        } else {
            result = RoleMigration.writeScript(from, options, file);
        }
        // With the script on standard output, the summary must not end up inside it.
        PrintWriter out = toStdout && !dryRun ? err : spec.commandLine().getOut();
        render(result, out);
        out.flush();
        return 0;
    }

    /** Roles go to a server or into a script; a script needs no target, so the source may come from PG* alone. */
    ConnInfo source(Environment env) {
        boolean toServer = ConnectionArgument.given(target, targetFlags.flags());
        return toServer ? ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(), env)
                : ConnectionArgument.optional(spec.commandLine(), "--source", source, sourceFlags.flags(), env);
    }

    /** The target server, or none for a script; exactly one of them is required. */
    Optional<ConnInfo> target(Environment env) {
        boolean toServer = ConnectionArgument.given(target, targetFlags.flags());
        if (toServer && file != null) {
            throw new ParameterException(spec.commandLine(),
                    "--target and -f/--file are mutually exclusive: the roles go to a server or into a script");
        }
        if (!toServer && file == null) {
            throw new ParameterException(spec.commandLine(), "say where the roles go: --target CONN (or "
                    + "--target-host, --target-port, --target-user, --target-dbname), or -f FILE for a script");
        }
        return toServer ? Optional.of(ConnectionArgument.required(spec.commandLine(), "--target", target,
                targetFlags.flags(), env)) : Optional.empty();
    }

    private void render(RoleMigrationResult r, PrintWriter out) {
        if (r.dryRun()) {
            r.statements().forEach(s -> out.println(s + ";"));
            out.println();
        }
        String where = r.script() ? (r.dryRun() ? "for a script" : "to " + (file.toString().equals("-")
                ? "standard output" : file)) : "on PostgreSQL " + r.targetVersion();
        String verb = r.dryRun() ? "Would move" : "Moved";
        out.println(verb + " roles of PostgreSQL " + r.sourceVersion() + " " + where + " (profile " + r.profile().label()
                + "): " + (r.script() ? r.scripted().size() + " roles written"
                        : r.created().size() + " created, " + r.altered().size() + " altered")
                + ", " + r.skipped().size() + " skipped; " + r.memberships() + " memberships, " + r.settings()
                + " settings, " + r.comments() + " comments, " + r.parameterPrivileges() + " parameter privileges.");
        for (RoleMigrationResult.RoleOutcome s : r.skipped()) {
            out.println("  skipped " + s.role() + ": " + s.reason());
        }
        Map<String, List<String>> leftOut = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RoleMigrationResult.LeftOut l : r.leftOut()) {
            leftOut.computeIfAbsent(l.role(), k -> new ArrayList<>()).add(l.what());
            reasons.merge(l.role(), l.reason(), (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
        leftOut.forEach((role, what) -> out.println("warning: role " + role + ": left out " + String.join(", ", what)
                + " (" + reasons.get(role) + ")"));
        r.warnings().forEach(w -> out.println("warning: " + w));
        if (!r.rolesNeedingPassword().isEmpty()) {
            out.println("warning: LOGIN roles that need a password set on the target, each with the statement "
                    + "that sets it (or \\password ROLE in psql, which sends no clear text):");
            for (String role : r.rolesNeedingPassword()) {
                out.println("  ALTER ROLE " + Sql.ident(role) + " PASSWORD 'new password';");
            }
        }
        for (DatabaseRoleSetting s : r.pendingDatabaseSettings()) {
            out.println("note: settings of role " + s.role() + " in database " + s.database()
                    + " wait for that database; run pgshift roles again once it exists");
        }
    }
}
