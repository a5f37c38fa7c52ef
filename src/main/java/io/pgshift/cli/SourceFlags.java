package io.pgshift.cli;

import picocli.CommandLine.Option;

/** The source server's host, port, user and database one flag each, over --source and the PG* variables. */
final class SourceFlags {
    @Option(names = "--source-host", paramLabel = "HOST", description = "The source's host (replaces host in --source).")
    String host;

    @Option(names = "--source-port", paramLabel = "PORT", description = "The source's port (replaces port in --source).")
    String port;

    @Option(names = "--source-user", paramLabel = "USER",
            description = "The user to connect to the source as (replaces user in --source).")
    String user;

    @Option(names = "--source-dbname", paramLabel = "DBNAME",
            description = "The source database (replaces dbname in --source).")
    String dbname;

    @Option(names = "--source-role", paramLabel = "ROLENAME",
            description = "Act as this role on the source, in every session (pg_dump --role).")
    String role;

    ServerFlags flags() {
        return new ServerFlags(host, port, user, dbname, role, ServerFlags.SOURCE);
    }
}
