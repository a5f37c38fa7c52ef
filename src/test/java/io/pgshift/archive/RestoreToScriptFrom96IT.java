package io.pgshift.archive;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * restore -f of a dump of PostgreSQL 9.6, the oldest source: its binary rows, written as text, replayed by psql 15
 * into PostgreSQL 15, hold what the source held.
 */
class RestoreToScriptFrom96IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;

    private static final String TYPES = """
            CREATE TABLE public.every (
                id integer PRIMARY KEY, b boolean, s smallint, l bigint, o oid, r real, d double precision,
                n numeric, t text, v varchar(30), c char(4), nm name, by bytea, dt date, tm time, tz timetz,
                ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb, ip inet, net cidr,
                mac macaddr, ints integer[], texts text[], stamps timestamp[]);
            INSERT INTO public.every VALUES
              (1, true, -32768, -9223372036854775808, 4294967295, 'NaN', '-Infinity', 'NaN',
               E'tab\\there\\nline\\\\slash', 'café', 'ab', 'n', '\\x00ff', '4713-01-01 BC', '24:00:00',
               '12:00:00+05:30', '1899-12-31 23:59:59.5', 'infinity', '-1 day +02:00:00',
               'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": [1, 2.50]}', '{"b": null, "a": "x\\ty"}',
               '::ffff:1.2.3.4', '10.0.0.0/8', '08:00:2b:01:02:03', '[0:1]={7,NULL}', ARRAY['a b', '', 'NULL'],
               ARRAY['0044-03-15 12:00:00 BC']::timestamp[]),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (3, false, 0, 0, 0, '-0', 1e-300, '-99999999999999999999.99999', '', '', '', '', '', '2000-01-01',
               '00:00:00', '00:00:00-00:00:30', '-infinity', '1850-06-01 00:00:00+00', '0',
               '00000000-0000-0000-0000-000000000000', 'null', '[]', '2001:db8::1', '::/0', 'ff:ff:ff:ff:ff:ff',
               '{}', '{}', '{}');
            INSERT INTO public.every (id, n, t, d) SELECT g, g / 7.0, 'row ' || g, g / 3.0
              FROM generate_series(4, 2000) g;
            """;

    @Test
    void aDumpOf96AsAScriptReplayedByPsqlHoldsWhatTheSourceHeld() throws Exception {
        source.createDatabase("old");
        source.execute("old", TYPES);
        Path dump = temp.resolve("old.dir");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(source, "old"), "-F", "directory", "-f", dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(Files.readString(dump.resolve("manifest.json"))).contains("\"format\" : \"binary\"");
        Path script = temp.resolve("old.sql");

        Cli.Run run = Cli.run("restore", "-f", script.toString(), dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        target.createDatabase("from_old_script");
        ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", target.host(), "-p", String.valueOf(target.port()), "-U", target.superuser(), "-d",
                "from_old_script", "-f", script.toString());
        psql.environment().put("PGPASSWORD", target.password());
        psql.redirectErrorStream(true);
        Process p = psql.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        DatabaseSnapshot.assertSameContent(source, "old", target, "from_old_script");
    }
}
