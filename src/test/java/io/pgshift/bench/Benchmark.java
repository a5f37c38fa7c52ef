package io.pgshift.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pgshift.embedded.EmbeddedPostgres;
import io.pgshift.embedded.PgVersion;
import io.pgshift.verify.SchemaComparison;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.TableVerifier;

/**
 * Migrates the same databases with pgshift and with the classic pipelines, in one run on one machine, and
 * prints wall times as ratios. A benchmark, not a test: nothing here asserts a time. Run it with bench/run.
 */
public final class Benchmark {
    private record Result(String name, double seconds, long peakRss) {
    }

    private final EmbeddedPostgres source;
    private final EmbeddedPostgres target;
    private static final String FLOOR = "floor: binary COPY pipe + keys";
    private final int jobs;
    /** How many times each pipeline runs; the median is reported. */
    private final int rounds;
    private final Path launcher;
    /** --split-tables-larger-than for one more pgshift run, or null for none. */
    private final String split;
    /** Every tool, classic or pgshift, gets both servers' passwords from this file, never from its arguments. */
    private final Map<String, String> env;
    private int databases;

    private Benchmark(EmbeddedPostgres source, EmbeddedPostgres target, int jobs, int rounds, Path jar, String split)
            throws Exception {
        this.rounds = rounds;
        this.source = source;
        this.target = target;
        this.jobs = jobs;
        this.split = split;
        this.launcher = jar;
        Path pgpass = Files.createTempFile("bench", ".pgpass");
        pgpass.toFile().deleteOnExit();
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(pgpass, source.host() + ":" + source.port() + ":*:" + source.superuser() + ":"
                + source.password() + "\n" + target.host() + ":" + target.port() + ":*:" + target.superuser() + ":"
                + target.password() + "\n");
        this.env = Map.of("PGPASSFILE", pgpass.toString(), "PGSSLMODE", "disable");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String from = options.getOrDefault("source", "12");
        String to = options.getOrDefault("target", "17");
        int scale = Integer.parseInt(options.getOrDefault("scale", "50"));
        int onlineScale = Integer.parseInt(options.getOrDefault("online-scale", "10"));
        int tables = Integer.parseInt(options.getOrDefault("tables", "2000"));
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "2"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        String split = options.get("split");
        boolean durable = !"off".equals(options.getOrDefault("durability", "on"));
        Path jar = Path.of(options.getOrDefault("launcher", "./pgshift"));
        System.out.printf(Locale.ROOT, "pgshift benchmark: PostgreSQL %s -> %s, pgbench scale %d, %d tables, %d jobs, "
                        + "%d cores, median of %d round(s), durability %s%n",
                from, to, scale, tables, jobs, Runtime.getRuntime().availableProcessors(), rounds,
                durable ? "on (fsync, synchronous_commit, full_page_writes)" : "off");
        try (EmbeddedPostgres source = server(from, durable); EmbeddedPostgres target = server(to, durable)) {
            Benchmark bench = new Benchmark(source, target, jobs, rounds, jar, split);
            // The schema first: the data section creates and drops a database per attempt, tens of thousands
            // of files, and file creation, which a schema copy is made of, stays slow for minutes afterwards.
            if (tables > 0) {
                long t = System.nanoTime();
                Workloads.manyTables(source, "schema", tables);
                System.out.printf(Locale.ROOT, "built %d tables in %.0f s%n", tables, (System.nanoTime() - t) / 1e9);
                bench.report("Schema: " + tables + " tables", bench.measure(bench.schema("schema"), false));
                t = System.nanoTime();
                Workloads.smallTables(source, "small", tables);
                System.out.printf(Locale.ROOT, "built %d small tables in %.0f s%n", tables,
                        (System.nanoTime() - t) / 1e9);
                bench.report("Small tables: " + tables + ", a tenth with 2 rows, the rest empty",
                        bench.measure(bench.smallTables("small"), false));
            }
            if (scale > 0) {
                long t = System.nanoTime();
                Workloads.pgbench(source, "bench", scale);
                System.out.printf(Locale.ROOT, "built pgbench scale %d in %.0f s%n", scale, (System.nanoTime() - t) / 1e9);
                bench.report("Data: pgbench scale " + scale, bench.measure(bench.data("bench"), true));
            }
            if (onlineScale > 0) {
                Workloads.pgbench(source, "live", onlineScale);
                bench.downtime("live", onlineScale);
            }
        }
    }

    /**
     * The same settings for every pipeline: larger WAL so checkpoints do not dominate a bulk load, and enough
     * lock slots for pg_dump, which locks every table of a 10,000-table schema in one transaction. Durable,
     * like the production server an upgrade writes to, unless asked otherwise: the embedded servers of the
     * tests skip fsync, and a server that never waits for its disk hides what every commit costs.
     */
    private static EmbeddedPostgres server(String major, boolean durable) {
        String on = durable ? "on" : "off";
        return EmbeddedPostgres.builder(PgVersion.of(major)).setting("max_wal_size", "8GB")
                .setting("checkpoint_timeout", "30min").setting("shared_buffers", "512MB")
                .setting("max_locks_per_transaction", "1024").setting("fsync", on).setting("synchronous_commit", on)
                .setting("full_page_writes", on).setting("wal_level", "logical").start();
    }

    /** One way to migrate a database into a fresh, empty target database, timing only the migration. */
    private interface Attempt {
        Shell.Timing run(String targetDb) throws Exception;
    }

    /** What proves a pgshift result right, given the target database; checked outside the timing. */
    private interface Check {
        String verdict(String targetDb) throws Exception;
    }

    private record Pipeline(String name, Attempt attempt, Check check) {
    }

    private List<Pipeline> data(String db) throws Exception {
        String src = Shell.flags(source, db);
        Path dir = Files.createTempDirectory("bench-dump");
        Check rows = t -> verify(db, t);
        List<Pipeline> pipelines = new ArrayList<>();
        pipelines.add(classic("pg_dump | psql", t -> "pg_dump " + src + " | psql -q -X -v ON_ERROR_STOP=1 "
                + Shell.flags(target, t) + " > /dev/null"));
        pipelines.add(classic("pg_dump -Fc | pg_restore", t -> "pg_dump -Fc " + src + " | pg_restore --exit-on-error "
                + Shell.flags(target, t)));
        pipelines.add(classic("pg_dump -Fd -j" + jobs + " + pg_restore -j" + jobs, t -> "rm -rf " + dir + "/d && pg_dump -Fd -j "
                + jobs + " -f " + dir + "/d " + src + " && pg_restore --exit-on-error -j " + jobs + " "
                + Shell.flags(target, t) + " " + dir + "/d && rm -rf " + dir + "/d"));
        pipelines.add(new Pipeline(FLOOR, t -> floor(db, t), null));
        pipelines.add(pgshiftPipeline("pgshift dump -Fd -j" + jobs + " + restore -j" + jobs, db, rows, (from, to) ->
                "rm -rf " + dir + "/p && " + launcher + " dump -F directory -j " + jobs + " -f " + dir + "/p --source "
                        + from + " && " + launcher + " restore -j " + jobs + " --target " + to + " " + dir + "/p && rm -rf "
                        + dir + "/p"));
        pipelines.add(pgshiftPipeline("pgshift dump -F archive | pgshift restore", db, rows, (from, to) ->
                launcher + " dump -F archive -f - --source " + from + " | " + launcher + " restore --target " + to + " -"));
        pipelines.add(pgshift("pgshift copy -j" + jobs + " --no-analyze", db, rows, "--no-analyze"));
        pipelines.add(pgshift("pgshift copy -j" + jobs + " (with ANALYZE)", db, rows));
        if (split != null) {
            pipelines.add(pgshift("pgshift copy -j" + jobs + " --split " + split + " --no-analyze", db, rows,
                    "--no-analyze", "--split-tables-larger-than", split, "--split-max-parts", String.valueOf(jobs)));
        }
        return pipelines;
    }

    /** A whole database of small tables, rows included, as an application's upgrade copies it. */
    private List<Pipeline> smallTables(String db) {
        String src = Shell.flags(source, db);
        List<Pipeline> pipelines = new ArrayList<>();
        pipelines.add(classic("pg_dump | psql", t -> "pg_dump " + src + " | psql -q -X -v ON_ERROR_STOP=1 "
                + Shell.flags(target, t) + " > /dev/null"));
        pipelines.add(pgshift("pgshift copy -j" + jobs + " --no-analyze", db, t -> verify(db, t), "--no-analyze"));
        return pipelines;
    }

    private List<Pipeline> schema(String db) {
        String src = Shell.flags(source, db);
        List<Pipeline> pipelines = new ArrayList<>();
        pipelines.add(classic("pg_dump -s | psql", t -> "pg_dump -s " + src + " | psql -q -X -v ON_ERROR_STOP=1 "
                + Shell.flags(target, t) + " > /dev/null"));
        pipelines.add(pgshift("pgshift copy -s -j" + jobs, db, t -> verifySchema(db, t), "--schema-only"));
        return pipelines;
    }

    /**
     * Runs every pipeline {@code rounds} times, the pipelines taking turns within each round so that a slow
     * moment of the machine does not fall on one of them only, and reports each one's median. Every attempt
     * starts alike: a fresh empty target database created beforehand (pgshift would create it itself, the
     * classic tools need it), both servers just checkpointed, so no attempt pays for the WAL of the one
     * before.
     *
     * @param dropEach drop each target database right after its attempt, for databases too big to keep;
     *                 otherwise all are dropped at the end. Dropping thousands of files just before the next
     *                 attempt creates thousands slows that attempt down: ext4 skips the inodes freed in the
     *                 last minutes when it allocates new ones, and file creation then dominates a schema copy.
     */
    private List<Result> measure(List<Pipeline> pipelines, boolean dropEach) throws Exception {
        List<String> kept = new ArrayList<>();
        Map<Pipeline, List<Shell.Timing>> timings = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.out.printf(Locale.ROOT, "  round %d of %d%n", round, rounds);
            }
            for (Pipeline pipeline : pipelines) {
                String t = freshTarget();
                target.execute("postgres", "CREATE DATABASE " + t);
                source.execute("postgres", "CHECKPOINT");
                target.execute("postgres", "CHECKPOINT");
                Shell.Timing timing = pipeline.attempt().run(t);
                String verdict = pipeline.check() == null ? "" : pipeline.check().verdict(t);
                if (dropEach) {
                    target.execute("postgres", "DROP DATABASE " + t);
                } else {
                    kept.add(t);
                }
                timings.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(timing);
                System.out.printf(Locale.ROOT, "    %-40s %8.1f s  %s  %s%n", pipeline.name(), timing.seconds(),
                        timing.peakRssBytes() > 0 ? "peak RSS " + (timing.peakRssBytes() >> 20) + " MB" : "",
                        verdict);
            }
        }
        for (String t : kept) {
            target.execute("postgres", "DROP DATABASE " + t);
        }
        List<Result> results = new ArrayList<>();
        timings.forEach((pipeline, runs) -> {
            double[] seconds = runs.stream().mapToDouble(Shell.Timing::seconds).sorted().toArray();
            results.add(new Result(pipeline.name(), seconds[seconds.length / 2],
                    runs.stream().mapToLong(Shell.Timing::peakRssBytes).max().orElse(0)));
        });
        return results;
    }

    private interface Script {
        String forTarget(String targetDb);
    }

    private Pipeline classic(String name, Script script) {
        return new Pipeline(name, t -> Shell.bash(script.forTarget(t), env), null);
    }

    /**
     * What the hardware allows: each table's rows as one binary COPY piped between two psql processes,
     * largest first, then the primary keys. Tables are created beforehand, untimed.
     */
    private Shell.Timing floor(String db, String t) throws Exception {
        Shell.bash("pg_dump -s --section=pre-data " + Shell.flags(source, db) + " | psql -q -X -v ON_ERROR_STOP=1 "
                + Shell.flags(target, t) + " > /dev/null", env);
        StringBuilder script = new StringBuilder();
        for (String table : List.of("pgbench_accounts", "pgbench_tellers", "pgbench_branches", "pgbench_history")) {
            script.append("psql -X -q ").append(Shell.flags(source, db)).append(" -c 'COPY ").append(table)
                    .append(" TO STDOUT (FORMAT binary)' | psql -X -q ").append(Shell.flags(target, t))
                    .append(" -c 'COPY ").append(table).append(" FROM STDIN (FORMAT binary)' && ");
        }
        script.append("psql -X -q ").append(Shell.flags(target, t)).append(" -c 'ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)'")
                .append(" -c 'ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)' -c 'ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)'");
        return Shell.bash(script.toString(), env);
    }

    private Pipeline pgshift(String name, String db, Check check, String... extra) {
        return new Pipeline(name, t -> {
            // Through the launcher, so pgshift runs with the JVM settings a user gets.
            List<String> command = new ArrayList<>(List.of(launcher.toString(), "copy", "-j", String.valueOf(jobs),
                    "--source", "host=" + source.host() + " port=" + source.port() + " user=" + source.superuser()
                            + " dbname=" + db + " sslmode=disable",
                    "--target", "host=" + target.host() + " port=" + target.port() + " user=" + target.superuser()
                            + " dbname=" + t + " sslmode=disable"));
            command.addAll(List.of(extra));
            return Shell.run(command, env);
        }, check);
    }

    private interface Commands {
        /** The bash script, given the source's and the target's connection strings, each quoted for bash. */
        String script(String sourceConn, String targetConn);
    }

    /** A pgshift pipeline of several processes, through the launcher, checked as a copy is. */
    private Pipeline pgshiftPipeline(String name, String db, Check check, Commands commands) {
        return new Pipeline(name, t -> {
            String from = "'host=" + source.host() + " port=" + source.port() + " user=" + source.superuser()
                    + " dbname=" + db + " sslmode=disable'";
            String to = "'host=" + target.host() + " port=" + target.port() + " user=" + target.superuser()
                    + " dbname=" + t + " sslmode=disable'";
            Shell.Timing timing = Shell.bash(commands.script(from, to), env);
            // The peak RSS measured is bash's, not the JVMs', so none is reported.
            return new Shell.Timing(timing.seconds(), 0);
        }, check);
    }

    private String verify(String sourceDb, String targetDb) throws Exception {
        try (Connection s = source.connect(sourceDb); Connection t = target.connect(targetDb)) {
            List<TableCheck> checks = TableVerifier.compare(s, t);
            long bad = checks.stream().filter(c -> !c.matches()).count();
            if (bad > 0) {
                throw new IllegalStateException(bad + " of " + checks.size() + " tables differ after the pgshift run, "
                        + "the first: " + checks.stream().filter(c -> !c.matches()).findFirst().orElseThrow());
            }
            return "rows and hashes equal in " + checks.size() + " tables";
        }
    }

    private String verifySchema(String sourceDb, String targetDb) throws Exception {
        try (Connection s = source.connect(sourceDb); Connection t = target.connect(targetDb)) {
            List<SchemaDifference> differences = SchemaComparison.compare(s, t).stream()
                    .filter(d -> !d.object().startsWith("TABLE DATA ") && !d.object().startsWith("SEQUENCE SET "))
                    .toList();
            if (!differences.isEmpty()) {
                throw new IllegalStateException(differences.size() + " objects differ after the pgshift copy, the first: "
                        + differences.get(0).describe());
            }
            return "schemas equal";
        }
    }

    /**
     * How long the application cannot write, for the same database under the same load: an offline copy stops it
     * for the whole copy, an online copy only for its cutover. The offline pipelines are timed whole (the load is
     * stopped first, as it must be); the online one is measured as the application sees it, from its last commit
     * on the source to the end of the cutover, while 4 pgbench clients keep writing through the copy and the
     * follow.
     */
    private void downtime(String db, int scale) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "Downtime: pgbench scale %d, 4 clients writing (median of %d round(s))%n", scale,
                rounds);
        String src = Shell.flags(source, db);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            String t = freshTarget();
            target.execute("postgres", "CREATE DATABASE " + t);
            seconds.computeIfAbsent("pg_dump | psql (application stopped)", k -> new ArrayList<>()).add(Shell.bash(
                    "pg_dump " + src + " | psql -q -X -v ON_ERROR_STOP=1 " + Shell.flags(target, t) + " > /dev/null",
                    env).seconds());
            target.execute("postgres", "DROP DATABASE " + t);
            t = freshTarget();
            // Made beforehand, untimed, as for pg_dump | psql.
            target.execute("postgres", "CREATE DATABASE " + t);
            seconds.computeIfAbsent("pgshift copy -j" + jobs + " (application stopped)", k -> new ArrayList<>())
                    .add(Shell.run(List.of(launcher.toString(), "copy", "-j", String.valueOf(jobs), "--no-analyze",
                            "--source", conn(source, db), "--target", conn(target, t)), env).seconds());
            target.execute("postgres", "DROP DATABASE " + t);
            t = freshTarget();
            seconds.computeIfAbsent("pgshift copy --online + cutover (write stop)", k -> new ArrayList<>())
                    .add(onlineWriteStop(db, t, scale, false));
            target.execute("postgres", "DROP DATABASE " + t);
            t = freshTarget();
            seconds.computeIfAbsent("  ... cutover --verify after (to the handover)", k -> new ArrayList<>())
                    .add(onlineWriteStop(db, t, scale, true));
            target.execute("postgres", "DROP DATABASE " + t);
        }
        System.out.printf(Locale.ROOT, "  %-48s %10s %12s%n", "pipeline", "downtime s", "vs pg_dump");
        double classic = median(seconds.values().iterator().next());
        seconds.forEach((name, runs) -> System.out.printf(Locale.ROOT, "  %-48s %10.1f %11.2fx%n", name, median(runs),
                median(runs) / classic));
        System.out.println();
    }

    /**
     * @param hashesAfter {@code cutover --verify after}: the stop is the one the cutover reports, up to the moment
     *                    it hands the target over; the application's last commit to the command's end would count
     *                    the hashes that follow
     */
    private double onlineWriteStop(String db, String t, int scale, boolean hashesAfter) throws Exception {
        try (io.pgshift.testkit.Pgbench.Load load = io.pgshift.testkit.Pgbench.Load.start(4, scale,
                () -> source.connect(db))) {
            Thread.sleep(2000);
            Shell.Timing copy = Shell.run(List.of(launcher.toString(), "copy", "--online", "--replica-identity-full",
                    "-j", String.valueOf(jobs), "--no-analyze", "--source", conn(source, db), "--target",
                    conn(target, t)), env);
            // Followed for a while, as a real cutover waits for its maintenance window.
            Thread.sleep(10_000);
            Path output = Files.createTempFile("bench-cutover", ".out");
            Shell.Timing cutover = Shell.bash(launcher + " cutover -j " + jobs + " --verify "
                    + (hashesAfter ? "after" : "before") + " --source '" + conn(source, db) + "' --target '"
                    + conn(target, t) + "' > " + output, env);
            long end = System.nanoTime();
            double stop = (end - load.lastCommitNanos()) / 1e9;
            if (hashesAfter) {
                // The application's last commit comes as the cutover stops the writes, and the handover comes before
                // the command ends: the stop is the one the cutover reports, from stopping the writes to the handover.
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("writes were stopped for ([0-9.]+) s")
                        .matcher(Files.readString(output));
                if (!m.find()) {
                    throw new IllegalStateException("the cutover did not report its write stop");
                }
                stop = Double.parseDouble(m.group(1));
            }
            Files.delete(output);
            System.out.printf(Locale.ROOT, "    online: copy %.1f s while writing (%d commits), cutover %.1f s, "
                    + "write stop %.1f s%n", copy.seconds(), load.commits(), cutover.seconds(), stop);
            return stop;
        } finally {
            source.execute("postgres", "ALTER DATABASE " + db + " RESET default_transaction_read_only");
        }
    }

    private static String conn(EmbeddedPostgres server, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " dbname=" + db
                + " sslmode=disable";
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private String freshTarget() {
        return "t" + (++databases);
    }

    private void report(String title, List<Result> results) {
        double bestClassic = results.stream().filter(r -> !r.name().startsWith("pgshift") && !r.name().equals(FLOOR))
                .mapToDouble(Result::seconds).min().orElse(Double.NaN);
        double floor = results.stream().filter(r -> r.name().equals(FLOOR)).mapToDouble(Result::seconds)
                .findFirst().orElse(Double.NaN);
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-40s %8s %14s %10s %10s%n", "pipeline", "wall s", "vs best classic", "vs floor",
                "peak RSS");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-40s %8.1f %13.2fx %9s %10s%n", r.name(), r.seconds(), r.seconds() / bestClassic,
                    Double.isNaN(floor) ? "-" : String.format(Locale.ROOT, "%.2fx", r.seconds() / floor),
                    r.peakRss() > 0 ? (r.peakRss() >> 20) + " MB" : "-");
        }
        System.out.println();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
