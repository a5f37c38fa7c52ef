package io.pgshift.cli;

import picocli.CommandLine.Option;

/** The target server's host, port, user and database one flag each, over --target and the PG* variables. */
final class TargetFlags {
    @Option(names = "--target-host", paramLabel = "HOST", description = "The target's host (replaces host in --target).")
    String host;

    @Option(names = "--target-port", paramLabel = "PORT", description = "The target's port (replaces port in --target).")
    String port;

    @Option(names = "--target-user", paramLabel = "USER",
            description = "The user to connect to the target as (replaces user in --target).")
    String user;

    @Option(names = "--target-dbname", paramLabel = "DBNAME",
            description = "The target database (replaces dbname in --target).")
    String dbname;

    @Option(names = "--target-role", paramLabel = "ROLENAME",
            description = "Act as this role on the target, in every session: it owns what is created (pg_restore "
                    + "--role).")
    String role;

    ServerFlags flags() {
        return new ServerFlags(host, port, user, dbname, role, ServerFlags.TARGET);
    }
}
