package io.pgshift.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The pg_dump oracle: dumps the schema of a source and of a target database with the same pg_dump (Debian's
 * postgresql-client-15, which .ci/run installs) and compares the two scripts. After normalisation they
 * must be identical. Normalisation only drops lines that differ because the two servers run different
 * versions; each rule below says which difference it covers.
 */
public final class PgDumpOracle {
    private static final Path DEBIAN_PG_DUMP_15 = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

    /** Lines dropped from both dumps, each with the version difference that justifies it. */
    private static final List<Rule> RULES = List.of(
            new Rule("pg_dump prints the server's version in a header comment",
                    line -> line.startsWith("-- Dumped from database version")),
            new Rule("pg_dump 15.14 and later guard the script with \\restrict and \\unrestrict and a random key "
                    + "that changes on every run", line -> line.startsWith("\\restrict ")
                    || line.startsWith("\\unrestrict ")),
            new Rule("table access methods exist from PostgreSQL 12 on; pg_dump sets the default only for such servers",
                    line -> line.equals("SET default_table_access_method = heap;")),
            new Rule("blank lines only separate entries, and the line dropped above leaves one more on servers 12+",
                    String::isEmpty),
            new Rule("a lone comment marker only frames an entry's header, and the entries dropped below leave "
                    + "their frames behind", line -> line.equals("--")),
            new Rule("pgshift leaves public's default owner (the bootstrap superuser before 15, pg_database_owner "
                    + "from 15 on) to the target, where pg_dump 15 writes the old one out; pg_dump then prints public's "
                    + "owner, and its privileges relative to that owner, differently on the two sides (pgshift's own "
                    + "verify compares the privileges themselves)",
                    line -> line.startsWith("-- Name: public; Type: SCHEMA;")
                            || line.startsWith("-- Name: SCHEMA public; Type: ACL;")
                            || line.equals("-- *not* creating schema, since initdb creates it")
                            || line.startsWith("ALTER SCHEMA public OWNER TO ")
                            || line.matches("(GRANT|REVOKE) [A-Z, ]+ ON SCHEMA public (TO|FROM) PUBLIC;")),
            new Rule("every range type has a multirange type from PostgreSQL 14 on, and pg_dump names it only for such "
                    + "servers; a range from an older source gets the name CREATE TYPE derives, which contains "
                    + "'multirange' (fixtures give chosen names without that word, so those are still compared)",
                    line -> line.matches("    multirange_type_name = .*multirange.*")));

    /**
     * Lines rewritten in both dumps, each with the version difference that justifies it. A rewrite keeps the
     * line compared, where dropping it would stop checking it.
     */
    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite("servers before 11 print EXECUTE PROCEDURE in a trigger's definition, later ones EXECUTE "
                    + "FUNCTION; both create the same trigger", line -> line.startsWith("CREATE TRIGGER ")
                    || line.startsWith("CREATE CONSTRAINT TRIGGER ")
                    ? line.replace(" EXECUTE PROCEDURE ", " EXECUTE FUNCTION ") : line),
            new Rewrite("the header of public's comment names public's owner, which is the target's default one "
                    + "(see the rule on public's owner above); the comment itself stays compared",
                    line -> line.startsWith("-- Name: SCHEMA public; Type: COMMENT; Schema: -; Owner: ")
                            ? "-- Name: SCHEMA public; Type: COMMENT; Schema: -" : line));

    private record Rule(String why, Predicate<String> drops) {
    }

    private record Rewrite(String why, UnaryOperator<String> rewrites) {
    }

    private PgDumpOracle() {
    }

    public static boolean available() {
        return Files.isExecutable(DEBIAN_PG_DUMP_15);
    }

    /** pg_dump --schema-only of one database, normalised. */
    public static String schema(PostgresServer server, String db) throws IOException, InterruptedException {
        return normalise(dump(server, db, "--schema-only"));
    }

    /**
     * Drops the lines the rules name, each with the blank line that separates it from the next statement:
     * a statement only one version prints must not leave an extra blank line behind.
     */
    public static String normalise(String dump) {
        List<String> kept = new ArrayList<>();
        for (String line : dump.split("\n", -1)) {
            if (RULES.stream().noneMatch(r -> r.drops().test(line))) {
                String rewritten = line;
                for (Rewrite r : REWRITES) {
                    rewritten = r.rewrites().apply(rewritten);
                }
                int last = kept.size() - 1;
                if (rewritten.equals(");") && last >= 0 && kept.get(last).endsWith(",")) {
                    // A dropped last option (a range's multirange_type_name, when the range has no option
                    // after its subtype) leaves a comma behind on the option before it; pg_dump never
                    // prints one before the closing parenthesis itself.
                    kept.set(last, kept.get(last).substring(0, kept.get(last).length() - 1));
                }
                kept.add(rewritten);
            }
        }
        return String.join("\n", kept);
    }

    static String dump(PostgresServer server, String db, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DEBIAN_PG_DUMP_15.toString(), "--host=" + server.host(),
                "--port=" + server.port(), "--username=" + server.superuser(), "--dbname=" + db, "--no-sync"));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        // The password travels in the environment, never on the command line.
        pb.environment().put("PGPASSWORD", server.password());
        pb.environment().put("PGSSLMODE", "disable");
        Path err = Files.createTempFile("pg_dump", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + Files.readString(err));
        }
        Files.deleteIfExists(err);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A readable unified-style list of the lines only one side has, for assertion messages. */
    public static String difference(String expected, String actual) {
        List<String> a = List.of(expected.split("\n"));
        List<String> b = List.of(actual.split("\n"));
        StringBuilder diff = new StringBuilder();
        List<String> onlyA = new ArrayList<>(a);
        b.forEach(onlyA::remove);
        List<String> onlyB = new ArrayList<>(b);
        a.forEach(onlyB::remove);
        onlyA.forEach(l -> diff.append("- ").append(l).append('\n'));
        onlyB.forEach(l -> diff.append("+ ").append(l).append('\n'));
        return diff.length() == 0 ? "(same lines, different order)" : diff.toString();
    }

}
