package io.pgshift.cli;

import java.io.PrintWriter;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One end of a command, source or target, as libpq would read it: a connection string (--source, --target, or
 * pg_dump's -d given a whole one), the flags that replace its host, port, user and database, then the PG*
 * environment variables and the password file for what is still missing.
 */
final class ConnectionArgument {
    private ConnectionArgument() {
    }

    /**
     * The connection of a command that has one end only (dump, restore, analyze): the environment alone is enough,
     * as it is for pg_dump.
     *
     * @param option the command's connection string option, "--source" or "--target"
     */
    static ConnInfo optional(CommandLine cli, String option, String conninfo, ServerFlags flags, Environment env) {
        return parse(cli, option, conninfo, flags, env);
    }

    /**
     * One end of a command that has two: it must be named, by its connection string or one of its flags, since the
     * environment alone would give both ends the same server.
     */
    static ConnInfo required(CommandLine cli, String option, String conninfo, ServerFlags flags, Environment env) {
        if (!given(conninfo, flags)) {
            ServerFlags.Names n = flags.names();
            throw new ParameterException(cli, option + " is missing: give " + option + " CONN, or " + n.host() + ", "
                    + n.port() + ", " + n.user() + " or " + n.dbname() + " over the PG* environment variables");
        }
        return parse(cli, option, conninfo, flags, env);
    }

    static boolean given(String conninfo, ServerFlags flags) {
        return conninfo != null || flags.any();
    }

    /**
     * What libpq would have done differently (an ignored keyword, say) is printed as a warning, and so is a password
     * written in the string: the process list shows it to every user of the machine, and Java cannot hide it.
     */
    private static ConnInfo parse(CommandLine cli, String option, String conninfo, ServerFlags flags, Environment env) {
        String base = conninfo;
        String baseName = option;
        boolean dbnameIsString = flags.names() == ServerFlags.PG_DUMP && ConnInfo.isConnectionString(flags.dbname());
        if (dbnameIsString) {
            if (conninfo != null) {
                throw new ParameterException(cli, option + " and -d both give a connection string: give only one");
            }
            base = flags.dbname();
            baseName = "-d";
        }
        ConnInfo info = ConnInfo.parse(base, flags.keywords(!dbnameIsString), env).withRole(flags.role());
        PrintWriter err = cli.getErr();
        info.warnings().forEach(w -> err.println("warning: " + w));
        if (info.passwordInConnectionString()) {
            err.println("warning: the password in " + baseName + " is visible to every user of this machine in the "
                    + "process list; put it in ~/.pgpass or PGPASSWORD instead");
        }
        err.flush();
        return info;
    }
}
