package io.pgshift.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server's host, port, user and database, each given as a flag of its own (pg_dump's -h -p -U -d, or copy's
 * --source-host ...). Each replaces that keyword of the connection string it goes with. There is no password
 * flag: a password among a process's arguments is visible to every user of the machine.
 *
 * @param role  the role every session sets once logged in (pg_dump's --role), or null; it does not name a server
 * @param names the flags' names, in the same order, for messages
 */
record ServerFlags(String host, String port, String user, String dbname, String role, Names names) {
    record Names(String host, String port, String user, String dbname) {
    }

    static final Names PG_DUMP = new Names("-h", "-p", "-U", "-d");
    static final Names SOURCE = new Names("--source-host", "--source-port", "--source-user", "--source-dbname");
    static final Names TARGET = new Names("--target-host", "--target-port", "--target-user", "--target-dbname");

    ServerFlags(String host, String port, String user, String dbname, Names names) {
        this(host, port, user, dbname, null, names);
    }

    boolean any() {
        return given(host) || given(port) || given(user) || given(dbname);
    }

    /** libpq keyword values, for ConnInfo.parse; an empty flag replaces nothing, as an empty libpq value. */
    Map<String, String> keywords(boolean withDbname) {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("host", host);
        k.put("port", port);
        k.put("user", user);
        if (withDbname) {
            k.put("dbname", dbname);
        }
        k.values().removeIf(v -> !given(v));
        return k;
    }

    private static boolean given(String value) {
        return value != null && !value.isEmpty();
    }
}
