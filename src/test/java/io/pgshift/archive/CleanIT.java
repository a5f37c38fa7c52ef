package io.pgshift.archive;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: --clean on a target that holds the source's objects already. A schema of 2,000 tables with serial
 * keys is more than one transaction can lock, and a serial column's sequence goes with its table.
 */
class CleanIT {
    private static final String DB = "many";

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path temp;

    @BeforeAll
    static void createManyTables() {
        source.createDatabase(DB);
        source.execute(DB, "CREATE SCHEMA app", """
                DO $$ BEGIN
                  FOR i IN 1..2000 LOOP
                    EXECUTE format('CREATE TABLE app.t%s (id serial PRIMARY KEY, note text)', i);
                  END LOOP;
                END $$""", "INSERT INTO app.t1 (note) VALUES ('one')");
        Cli.Run copy = Cli.run("copy", "-s", "--source", Cli.conn(source, DB), "--target", Cli.conn(target, DB));
        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
    }

    @Test
    void copyCleanReplacesTwoThousandTablesInBatches() {
        Cli.Run copy = Cli.run("copy", "--clean", "--source", Cli.conn(source, DB), "--target", Cli.conn(target, DB));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
    }

    @Test
    void restoreCleanWithoutIfExistsDropsATableAndItsSerialSequence() {
        source.createDatabase("few");
        source.execute("few", "CREATE SCHEMA app", "CREATE TABLE app.orders (id serial PRIMARY KEY, note text)",
                "INSERT INTO app.orders (note) VALUES ('a')");
        Path dump = temp.resolve("few.dir");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source", Cli.conn(source, "few"));
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Cli.Run first = Cli.run("restore", "--target", Cli.conn(target, "few"), dump.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

        Cli.Run again = Cli.run("restore", "--clean", "--target", Cli.conn(target, "few"), dump.toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    }
}
