package io.pgshift.archive;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.PgShiftException;
import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.object.Section;
import io.pgshift.progress.ProgressListener;
import io.pgshift.run.RestoreOptions;
import io.pgshift.run.ScriptRestore;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * restore -f: a directory dump and an archive, their rows mostly in binary COPY format, written as SQL scripts that
 * psql -v ON_ERROR_STOP=1 replays into an empty database, giving the same database as a restore into a server.
 */
class RestoreToScriptIT {
    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static Path directory;
    static Path archive;

    /** Every type the converter prints, with its edge values, in one table whose rows a dump stores in binary. */
    private static final String TYPES = """
            CREATE SCHEMA kinds;
            CREATE TYPE kinds.mood AS ENUM ('sad', 'ok');
            CREATE TABLE kinds.every (
                id integer PRIMARY KEY, b boolean, s smallint, i integer, l bigint, o oid,
                r real, d double precision, n numeric, n2 numeric(12,4), t text, v varchar(30), c char(4),
                nm name, by bytea, dt date, tm time, tz timetz, ts timestamp, tstz timestamptz, iv interval,
                u uuid, j json, jb jsonb, ip inet, net cidr, mac macaddr, mac8 macaddr8,
                ints integer[], texts text[], stamps timestamptz[], nums numeric[]);
            INSERT INTO kinds.every VALUES
              (1, true, -32768, 2147483647, -9223372036854775808, 4294967295, 'NaN', '-Infinity',
               'NaN', -12345678.1234, E'tab\\there\\nline\\\\slash', 'café', 'ab', 'n', '\\x00ff',
               '4713-01-01 BC', '24:00:00', '12:00:00+05:30', '1899-12-31 23:59:59.5', 'infinity', '-1 day +02:00:00',
               'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": [1, 2.50]}', '{"b": null, "a": "x\\ty"}',
               '::ffff:1.2.3.4', '10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05',
               '{}', ARRAY[NULL, 'a b', '', 'NULL', 'x"y\\z'], ARRAY['1999-12-31 23:59:59+14']::timestamptz[],
               ARRAY[-0.000000000000000000001, NULL, 'NaN']::numeric[]),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (3, false, 0, 0, 0, 0, '-0', 1e-300, '-99999999999999999999.99999', 0, '', '', '', '', '',
               '2000-01-01', '00:00:00', '00:00:00-00:00:30', '-infinity', '1850-06-01 00:00:00+00', '0',
               '00000000-0000-0000-0000-000000000000', 'null', '[]', '2001:db8::1', '::/0', 'ff:ff:ff:ff:ff:ff',
               '00:00:00:00:00:00:00:00', '[0:1]={7,8}', '{}', '{}', '{}');
            INSERT INTO kinds.every (id, i, t, ts, d)
              SELECT g, g, 'row ' || g || E'\\t' || repeat('x', g % 7), '2000-01-01'::timestamp + g * interval '1 hour',
                     g / 7.0
              FROM generate_series(4, 3000) g;
            CREATE TABLE kinds.moods (id serial PRIMARY KEY, m kinds.mood, every_id integer REFERENCES kinds.every);
            INSERT INTO kinds.moods (m, every_id) VALUES ('sad', 1), ('ok', 3), (NULL, NULL);
            CREATE INDEX ON kinds.every (t);
            CREATE VIEW kinds.summary AS SELECT count(*) AS n FROM kinds.every;
            SELECT lo_from_bytea(0, '\\xdeadbeef');
            """;

    @BeforeAll
    static void dumpTwice() throws Exception {
        server.createDatabase("shop");
        server.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"));
        server.execute("shop", TYPES);
        directory = temp.resolve("shop.dir");
        archive = temp.resolve("shop.archive");
        Cli.Run dir = Cli.run("dump", "--source", Cli.conn(server, "shop"), "-F", "directory", "-j", "2", "-f",
                directory.toString());
        assertThat(dir.exitCode()).as(dir.err()).isZero();
        Cli.Run arc = Cli.run("dump", "--source", Cli.conn(server, "shop"), "-F", "archive", "-f", archive.toString());
        assertThat(arc.exitCode()).as(arc.err()).isZero();
    }

    @Test
    void theDumpsStoreTheTypedTableInBinaryWithItsColumnTypes() throws Exception {
        String manifest = Files.readString(directory.resolve("manifest.json"));
        assertThat(manifest).contains("\"format\" : \"binary\"").contains("\"columnTypes\" : [ \"int4\", \"bool\"");
    }

    @Test
    void aDirectoryDumpAsAScriptReplayedByPsqlGivesTheSameDatabaseAsARestore() throws Exception {
        Path script = temp.resolve("dir.sql");
        Cli.Run run = Cli.run("restore", "-f", script.toString(), directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(script)).doesNotContain("FORMAT binary").contains("COPY kinds.every")
                .endsWith("\n" + PlainScript.COMPLETE + "\n");

        assertReplaysAsARestore(script, "from_dir_script", directory);
    }

    @Test
    void anArchiveAsAScriptReplayedByPsqlGivesTheSameDatabaseAsARestore() throws Exception {
        Path script = temp.resolve("archive.sql");
        Cli.Run run = Cli.run("restore", "--file", script.toString(), archive.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertReplaysAsARestore(script, "from_archive_script", archive);
    }

    @Test
    void anArchiveFromAPipeBecomesAScriptOnStandardOutputThatPsqlReplaysFromAPipe() throws Exception {
        server.createDatabase("from_pipe_script");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String pipe = "cat " + archive + " | " + java + " -jar " + Launcher.jar() + " restore -f - - 2>" + temp
                + "/pipe.err | /usr/lib/postgresql/15/bin/psql -X -q -v ON_ERROR_STOP=1 -h " + server.host() + " -p "
                + server.port() + " -U " + server.superuser() + " -d from_pipe_script";
        ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSWORD", server.password());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).as(output).isZero();
        assertThat(Files.readString(temp.resolve("pipe.err"))).contains("as a script to standard output");
        DatabaseSnapshot.assertSameContent(server, "shop", server, "from_pipe_script");
    }

    @Test
    void aDataOnlyScriptOfOneTableHoldsItsRowsAlone() throws Exception {
        Path script = temp.resolve("moods.sql");
        Cli.Run run = Cli.run("restore", "-a", "-t", "moods", "-n", "kinds", "--disable-triggers", "-f",
                script.toString(), directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String text = Files.readString(script);
        assertThat(text).contains("COPY kinds.moods (id, m, every_id) FROM stdin;")
                .contains("ALTER TABLE kinds.moods DISABLE TRIGGER ALL;")
                .doesNotContain("CREATE TABLE").doesNotContain("COPY kinds.every");
        server.createDatabase("moods_only");
        Cli.Run schema = Cli.run("restore", "--section", "pre-data", "--target", Cli.conn(server, "moods_only"),
                directory.toString());
        assertThat(schema.exitCode()).as(schema.err()).isZero();
        psql("moods_only", script);
        try (Connection c = server.connect("moods_only"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(coalesce(m::text, '-'), ',' ORDER BY id) FROM kinds.moods")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("sad,ok,-");
        }
    }

    @Test
    void aTableDumpedInRangeFilesBecomesOneCopyBlockPerRange() throws Exception {
        Path split = temp.resolve("split.dir");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(server, "shop"), "-F", "directory", "-j", "2",
                "--split-tables-larger-than", "64kB", "-f", split.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(ManifestFile.read(split).data().stream().filter(d -> d.table().equals("kinds.every")).count())
                .isGreaterThan(1);
        Path script = temp.resolve("split.sql");

        Cli.Run run = Cli.run("restore", "-f", script.toString(), split.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(script).split("COPY kinds.every ", -1).length - 1).isGreaterThan(1);
        server.createDatabase("from_split_script");
        psql("from_split_script", script);
        DatabaseSnapshot.assertSameContent(server, "shop", server, "from_split_script");
    }

    @Test
    void rowsFoundDamagedAfterTheyWereWrittenEndTheirCopyWithALineTheServerRefuses() throws Exception {
        Path damaged = temp.resolve("damaged.dir");
        try (var files = Files.walk(directory)) {
            for (Path f : files.toList()) {
                Files.copy(f, damaged.resolve(directory.relativize(f).toString()));
            }
        }
        Manifest manifest = ManifestFile.read(damaged);
        DataFile every = manifest.data().stream().filter(d -> d.table().equals("kinds.every")).findFirst().orElseThrow();
        Path file = damaged.resolve(every.path());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x5a;
        Files.write(file, bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RestoreOptions options = new RestoreOptions(null, damaged, 1, DdlOptions.DEFAULTS, EnumSet.allOf(Section.class));

        assertThatThrownBy(() -> new ScriptRestore(options, ProgressListener.NONE).run(damaged, out))
                .isInstanceOf(PgShiftException.class).hasMessageContaining("kinds.every");

        Path script = temp.resolve("damaged.sql");
        Files.write(script, out.toByteArray());
        server.createDatabase("from_damaged_script");
        ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.superuser(), "-d",
                "from_damaged_script", "-f", script.toString());
        psql.environment().put("PGPASSWORD", server.password());
        psql.redirectErrorStream(true);
        Process p = psql.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isNotZero();
        try (Connection c = server.connect("from_damaged_script"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM kinds.every")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theListGoesIntoTheFileWithList() throws Exception {
        Path list = temp.resolve("shop.list");
        Cli.Run run = Cli.run("restore", "-l", "-f", list.toString(), directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(list)).contains("TABLE DATA kinds.every");
    }

    @Test
    void aTableWithATypeTheConverterDoesNotKnowIsRefusedBeforeAnythingIsWritten() throws Exception {
        server.createDatabase("odd");
        server.execute("odd", "CREATE TABLE public.prices (id integer, amount money, spot point)",
                "INSERT INTO public.prices VALUES (1, 12.34, '(1,2)')", "CREATE TABLE public.fine (id integer)");
        Path dump = temp.resolve("odd.dir");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(server, "odd"), "-F", "directory", "-f", dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Path script = temp.resolve("odd.sql");

        Cli.Run run = Cli.run("restore", "-f", script.toString(), dump.toString());

        assertThat(run.exitCode()).isEqualTo(12);
        assertThat(run.err()).contains("public.prices (money, point)").contains("nothing was written");
        assertThat(script).doesNotExist();
        assertThat(temp.resolve("odd.sql.partial")).doesNotExist();
        Cli.Run without = Cli.run("restore", "-t", "fine", "-f", script.toString(), dump.toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
    }

    private static void assertReplaysAsARestore(Path script, String database, Path dump) throws Exception {
        server.createDatabase(database);
        psql(database, script);
        String restored = database + "_restored";
        Cli.Run run = Cli.run("restore", "--target", Cli.conn(server, restored), dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        DatabaseSnapshot.assertSameContent(server, restored, server, database);
        DatabaseSnapshot.assertSameContent(server, "shop", server, database);
        String expected = PgDumpOracle.schema(server, restored);
        String actual = PgDumpOracle.schema(server, database);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection c = server.connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(lo_get(oid)::text, ',') FROM pg_largeobject_metadata")) {
            rs.next();
            assertThat(rs.getString(1)).contains("\\xdeadbeef");
        }
    }

    private static void psql(String database, Path script) throws Exception {
        ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.superuser(), "-d", database,
                "-f", script.toString());
        psql.environment().put("PGPASSWORD", server.password());
        psql.redirectErrorStream(true);
        Process p = psql.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("ERROR");
    }
}
