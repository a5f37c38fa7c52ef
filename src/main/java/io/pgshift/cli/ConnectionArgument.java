package io.pgshift.cli;

import java.io.PrintWriter;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;

/** A --source or --target argument, read as libpq reads a connection string. */
final class ConnectionArgument {
    private ConnectionArgument() {
    }

    /**
     * The connection the argument names, completed from the PG* environment variables and the password file as
     * libpq would; what libpq would have done differently (an ignored keyword, say) is printed as a warning.
     */
    static ConnInfo parse(String argument, PrintWriter err) {
        ConnInfo info = ConnInfo.parse(argument, Environment.system());
        info.warnings().forEach(w -> err.println("warning: " + w));
        return info;
    }
}
