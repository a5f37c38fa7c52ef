package io.pgshift.archive;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's method 4 through pgshift: a parallel directory dump of PostgreSQL 12, restored in parallel into 15. */
class DumpRestoreIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static Path dump;

    @BeforeAll
    static void dumpTheShop() throws Exception {
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"));
        dump = temp.resolve("shop.dump");
        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "shop"), "-F", "directory", "-j", "2", "-f",
                dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aParallelRestoreGivesADatabaseIdenticalToTheSource() throws Exception {
        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "restored"), "-j", "2", dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "restored");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection s = source.connect("shop"); Connection t = target.connect("restored")) {
            DatabaseSnapshot a = DatabaseSnapshot.of(s);
            DatabaseSnapshot b = DatabaseSnapshot.of(t);
            assertThat(b.tables()).isEqualTo(a.tables());
            assertThat(b.sequences()).isEqualTo(a.sequences());
        }
    }

    @Test
    void aPlainScriptReplayedByPsqlWithOnErrorStopGivesADatabaseIdenticalToTheSource() throws Exception {
        Path script = temp.resolve("shop.sql");
        Cli.Run dumped = Cli.run("dump", "-F", "plain", "--source", Cli.conn(source, "shop"), "-f", script.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(script)).as("a whole script says so on its last line")
                .endsWith("\n" + PlainScript.COMPLETE + "\n");
        target.createDatabase("from_script");

        ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", target.host(), "-p", String.valueOf(target.port()), "-U", target.superuser(), "-d", "from_script",
                "-f", script.toString());
        psql.environment().put("PGPASSWORD", target.password());
        psql.redirectErrorStream(true);
        Process p = psql.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("ERROR");

        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "from_script");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection s = source.connect("shop"); Connection t = target.connect("from_script")) {
            assertThat(DatabaseSnapshot.of(t).tables()).isEqualTo(DatabaseSnapshot.of(s).tables());
        }
    }

    @Test
    void aPlainScriptWithCleanAndIfExistsReplaysTwiceIntoTheSameDatabase() throws Exception {
        Path script = temp.resolve("shop-clean.sql");
        Cli.Run dumped = Cli.run("dump", "-F", "plain", "-c", "--if-exists", "--source", Cli.conn(source, "shop"), "-f",
                script.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        target.createDatabase("replayed_twice");

        for (int replay = 1; replay <= 2; replay++) {
            ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v",
                    "ON_ERROR_STOP=1", "-h", target.host(), "-p", String.valueOf(target.port()), "-U",
                    target.superuser(), "-d", "replayed_twice", "-f", script.toString());
            psql.environment().put("PGPASSWORD", target.password());
            psql.redirectErrorStream(true);
            Process p = psql.start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("replay " + replay + ": " + output).isZero();
        }

        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "replayed_twice");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection s = source.connect("shop"); Connection t = target.connect("replayed_twice")) {
            assertThat(DatabaseSnapshot.of(t).tables()).isEqualTo(DatabaseSnapshot.of(s).tables());
        }
    }

    @Test
    void ifExistsWithoutCleanIsAUsageError() {
        Cli.Run run = Cli.run("dump", "-F", "plain", "--if-exists", "--source", Cli.conn(source, "shop"), "-f", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--if-exists needs -c/--clean");
    }

    @Test
    void anArchiveStreamedThroughAPipeIntoRestoreGivesADatabaseIdenticalToTheSource() throws Exception {
        Path pgpass = temp.resolve("pipe.pgpass");
        Files.writeString(pgpass, source.host() + ":" + source.port() + ":*:" + source.superuser() + ":"
                + source.password() + "\n" + target.host() + ":" + target.port() + ":*:" + target.superuser() + ":"
                + target.password() + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Launcher.jar().toString();
        String pipe = java + " -jar " + jar + " dump -F archive -f - --source 'host=" + source.host() + " port="
                + source.port() + " user=" + source.superuser() + " dbname=shop sslmode=disable' | " + java + " -jar " + jar
                + " restore -j 2 --target 'host=" + target.host() + " port=" + target.port() + " user="
                + target.superuser() + " dbname=from_pipe sslmode=disable' -";
        ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSFILE", pgpass.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).as(output).isZero();
        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "from_pipe");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection s = source.connect("shop"); Connection t = target.connect("from_pipe")) {
            assertThat(DatabaseSnapshot.of(t).tables()).isEqualTo(DatabaseSnapshot.of(s).tables());
        }
    }

    @Test
    void anArchiveFileWithBytesOverwrittenInTheMiddleIsRefused() throws Exception {
        Path archive = temp.resolve("shop.archive");
        Cli.Run dumped = Cli.run("dump", "-F", "archive", "--source", Cli.conn(source, "shop"), "-f", archive.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(Cli.run("restore", "--list", archive.toString()).out()).contains("TABLE DATA sales.orders");
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        }

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_damaged_archive"), archive.toString());

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("pgshift: file error: the archive's data of ").contains("is damaged");
    }

    @Test
    void dumpFilesAreReadableByTheirOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(dump)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dump.resolve("manifest.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(dump.resolve("data"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }

    @Test
    void listShowsTheObjectsInRestoreOrder() {
        Cli.Run run = Cli.run("restore", "--list", dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pre-data TABLE sales.orders").contains("data TABLE DATA sales.orders")
                .contains("post-data PRIMARY KEY").contains("pre-data VIEW sales.customer_totals");
        assertThat(run.out().indexOf("TABLE sales.orders")).isLessThan(run.out().indexOf("TABLE DATA sales.orders"));
    }

    @Test
    void aDumpIntoADirectoryThatHoldsADumpIsRefused() {
        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "shop"), "-f", dump.toString());

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("already exists and is not empty").contains("holds a dump");
    }

    @Test
    void bytesOverwrittenInTheMiddleOfADataFileMakeTheRestoreFail() throws Exception {
        Path damaged = copyOfDump("damaged");
        Path biggest = largestDataFile(damaged);
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_damaged"), "-j", "2", damaged.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(damaged.relativize(biggest).toString());
    }

    @Test
    void damagedBinaryRowsThatTheTargetRefusesAreReportedAsDamageWithExitCode11() throws Exception {
        Path raw = temp.resolve("uncompressed");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(source, "shop"), "-Z", "none", "-f", raw.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Path biggest = largestDataFile(raw);
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            // Uncompressed binary COPY: a field length of -2 billion in the middle makes the server refuse the
            // rows before the file's checksum is reached.
            f.seek(f.length() / 2);
            f.write(new byte[] {(byte) 0x80, 0, 0, 0, (byte) 0x80, 0, 0, 0, (byte) 0x80, 0, 0, 0});
        }

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_damaged_binary"), raw.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertThat(run.err()).contains(raw.relativize(biggest).toString()).contains("is damaged");
    }

    @Test
    void aSchemaOnlyDumpHoldsEveryDefinitionAndNoRows() throws Exception {
        Path schema = temp.resolve("schema-only");
        Cli.Run dumped = Cli.run("dump", "-s", "--source", Cli.conn(source, "shop"), "-f", schema.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(DumpDirectory.open(schema).manifest().data()).isEmpty();

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "schema_only"), schema.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "schema_only");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection t = target.connect("schema_only")) {
            assertThat(DatabaseSnapshot.of(t).tables().values()).allMatch(f -> f.rows() == 0);
        }
    }

    @Test
    void aMissingDataFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path incomplete = copyOfDump("incomplete");
        Files.delete(largestDataFile(incomplete));

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_incomplete"), incomplete.toString());

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("is missing");
        assertThat(databaseExists("from_incomplete")).isFalse();
    }

    @Test
    void aTruncatedDataFileIsRefused() throws Exception {
        Path truncated = copyOfDump("truncated");
        Path biggest = largestDataFile(truncated);
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_truncated"), truncated.toString());

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("truncated");
    }

    @Test
    void aManifestOfAnUnknownFormatVersionIsRefused() throws Exception {
        Path future = copyOfDump("future");
        Path manifest = future.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 2", "\"formatVersion\" : 99"));

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_future"), future.toString());

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("format version 99");
    }

    @Test
    void aManifestWithOneStatementChangedIsRefusedByListAndByRestoreBeforeAnythingIsWritten() throws Exception {
        Path damaged = copyOfDump("flipped");
        Path manifest = damaged.resolve("manifest.json");
        String text = Files.readString(manifest);
        assertThat(text).contains("price > (0)::numeric");
        Files.writeString(manifest, text.replace("price > (0)::numeric", "price > (9)::numeric"));

        Cli.Run list = Cli.run("restore", "--list", damaged.toString());
        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "from_flipped"), damaged.toString());

        assertThat(list.exitCode()).as(list.out() + list.err()).isEqualTo(11);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(11);
        assertThat(run.err()).contains("manifest.json is damaged");
        assertThat(databaseExists("from_flipped")).isFalse();
    }

    @Test
    void listRefusesACutShortArchiveAndADirectoryWithAShortDataFile() throws Exception {
        Path archive = temp.resolve("cut.archive");
        Cli.Run dumped = Cli.run("dump", "-F", "archive", "--source", Cli.conn(source, "shop"), "-f", archive.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path directory = copyOfDump("short_file");
        Path file = largestDataFile(directory);
        byte[] rows = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(rows, rows.length - 10));

        Cli.Run cut = Cli.run("restore", "--list", archive.toString());
        Cli.Run shortFile = Cli.run("restore", "--list", directory.toString());

        assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(11);
        assertThat(shortFile.exitCode()).as(shortFile.out() + shortFile.err()).isEqualTo(11);
    }

    private static Path copyOfDump(String name) throws Exception {
        Path copy = temp.resolve(name);
        Files.createDirectories(copy.resolve("data"));
        Files.copy(dump.resolve("manifest.json"), copy.resolve("manifest.json"));
        try (Stream<Path> files = Files.list(dump.resolve("data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("data").resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static Path largestDataFile(Path dumpDir) throws Exception {
        try (Stream<Path> files = Files.list(dumpDir.resolve("data"))) {
            List<Path> all = files.toList();
            Path largest = all.get(0);
            for (Path f : all) {
                if (Files.size(f) > Files.size(largest)) {
                    largest = f;
                }
            }
            return largest;
        }
    }

    private static boolean databaseExists(String name) throws Exception {
        try (Connection c = target.connect("postgres")) {
            var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            ps.setString(1, name);
            return ps.executeQuery().next();
        }
    }
}
