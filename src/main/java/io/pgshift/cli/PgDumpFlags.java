package io.pgshift.cli;

import picocli.CommandLine.Option;

/** pg_dump's and pg_restore's connection flags, for the commands that connect to one server only. */
final class PgDumpFlags {
    @Option(names = {"-h", "--host"}, paramLabel = "HOST",
            description = "The server's host name or address (replaces host in the connection string and PGHOST).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "The server's port (replaces port in the connection string and PGPORT).")
    String port;

    @Option(names = {"-U", "--username"}, paramLabel = "USER",
            description = "The user to connect as (replaces user in the connection string and PGUSER).")
    String user;

    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME",
            description = "The database (replaces dbname and PGDATABASE); as in pg_dump, a value with an = or a "
                    + "postgresql:// prefix is a whole connection string, which -h, -p and -U then override.")
    String dbname;

    @Option(names = "--role", paramLabel = "ROLENAME",
            description = "Act as this role once connected, in every session (SET ROLE, as pg_dump --role and pg_restore "
                    + "--role): for a login user that is not allowed to do the work itself but is a member of a role that is.")
    String role;

    ServerFlags flags() {
        return new ServerFlags(host, port, user, dbname, role, ServerFlags.PG_DUMP);
    }
}
