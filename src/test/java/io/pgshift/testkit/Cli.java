package io.pgshift.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.pgshift.cli.Main;

/** Runs the pgshift command line in-process and captures what it printed. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The same command with more arguments after its own: a run again with {@code --resume}. */
    public static String[] and(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** A key=value connection string for a database on a test server, password included. */
    public static String conn(PostgresServer server, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' dbname=" + db + " sslmode=disable";
    }
}
