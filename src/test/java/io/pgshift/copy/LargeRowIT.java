package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row is read whole: a row larger than the JVM's heap can carry is found before anything is written, named with
 * the heap it needs, instead of ending the run halfway out of memory. The sizes are read from the values' headers,
 * so a value that compresses well counts at its full size.
 */
class LargeRowIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void documentsOfFortyMegabytes() {
        source.createDatabase("docs");
        source.execute("docs", """
                CREATE TABLE scans (id int PRIMARY KEY, body bytea);
                INSERT INTO scans SELECT 1, pg_catalog.convert_to(string_agg(md5(g::text), ''), 'UTF8')
                    FROM generate_series(1, 1250000) g;
                INSERT INTO scans VALUES (2, '\\x00');
                CREATE TABLE letters (id int PRIMARY KEY, body text);
                INSERT INTO letters VALUES (1, repeat('x', 40000000));
                """);
    }

    @Test
    void aRowLargerThanASmallHeapCarriesIsRefusedBeforeTheTargetIsTouched() throws Exception {
        Launcher.Run run = copyWithHeap("96m", "refused");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(12);
        assertThat(run.err()).contains("holds a row of 38.1 MB").contains("nothing was written")
                .contains("PGSHIFT_JAVA_OPTS=-Xmx");
        assertThat(databaseExists("refused")).isFalse();
    }

    @Test
    void aValueThatCompressesWellCountsAtItsFullSize() throws Exception {
        Launcher.Run run = copyWithHeap("96m", "refused_text", "-T", "public.scans");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(12);
        assertThat(run.err()).contains("table public.letters holds a row of 38.1 MB");
    }

    @Test
    void withHeapEnoughTheSameRowsAreCopiedExactly() throws Exception {
        Launcher.Run run = copyWithHeap("512m", "copied");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "docs"), "--target", Cli.conn(target, "copied"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static Launcher.Run copyWithHeap(String heap, String db, String... more) throws Exception {
        Path home = Files.createTempDirectory("pgshift-large-row-");
        String[] args = Cli.and(new String[]{"copy", "-j", "2", "--no-analyze", "--source", Cli.conn(source, "docs"),
                "--target", Cli.conn(target, db)}, more);
        return Launcher.run(home, Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + heap), args);
    }

    private static boolean databaseExists(String db) throws Exception {
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_database WHERE datname = '" + db + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
