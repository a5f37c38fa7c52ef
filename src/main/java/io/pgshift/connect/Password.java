package io.pgshift.connect;

import io.pgshift.connect.ConnInfo.Host;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * libpq's password search: the connection string, else PGPASSWORD, else the password file
 * ({@code passfile}, else PGPASSFILE, else {@code ~/.pgpass}) looked up with the resolved host,
 * port, database and user.
 *
 * @param value           the password, or null when none was found
 * @param source          where it came from ("the connection string", "PGPASSWORD",
 *                        "password file ..."), or null
 * @param passfile        the password file that is (or would be) searched, or null without a home
 * @param passfileWarning why the password file was ignored, or null; quoted again in
 *                        authentication errors, where the user looks for the cause
 */
record Password(String value, String source, Path passfile, String passfileWarning) {

    static Password find(Settings s, Hosts hosts, String dbname, String user, List<String> warn) {
        String explicit = s.nonEmpty(Keyword.PASSWORD);
        String pf = s.nonEmpty(Keyword.PASSFILE);
        Path home = s.env().home();
        Path passfile = pf != null ? Path.of(pf) : home == null ? null : home.resolve(".pgpass");
        if (explicit != null) {
            String source = s.fromString(Keyword.PASSWORD) ? "the connection string" : "PGPASSWORD";
            return new Password(explicit, source, passfile, null);
        }
        if (passfile == null) {
            return new Password(null, null, null, null);
        }
        PgPass pgpass = PgPass.load(passfile);
        String passfileWarning = pgpass.warning().orElse(null);
        if (passfileWarning != null) {
            warn.add(passfileWarning);
        }
        Set<String> found = new LinkedHashSet<>();
        List<Host> list = hosts.list();
        for (int i = 0; i < list.size(); i++) {
            pgpass.lookup(list.get(i).name(), hosts.passfilePorts().get(i), dbname, user)
                    .filter(p -> !p.isEmpty())
                    .ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return new Password(null, null, passfile, passfileWarning);
        }
        if (found.size() > 1) {
            warn.add("password file \"" + passfile + "\" has different passwords for the hosts "
                    + hosts.describe() + "; pgjdbc takes one password, so the first host's is used for all");
        }
        return new Password(found.iterator().next(), "password file \"" + passfile + "\"", passfile,
                passfileWarning);
    }

    /** Never shows the password: a record's generated toString would. */
    @Override
    public String toString() {
        return "Password[" + (value == null ? "none" : "from " + source) + "]";
    }
}
