package io.pgshift.copy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema large enough that its tables, views, functions and sequences are created on several target sessions
 * at once, with dependencies between objects of the same kinds (views on views, partitions, inheritance
 * children), arrives whole and in working order.
 */
class ParallelSchemaCopyIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void manyObjects() {
        source.createDatabase("wide");
        source.execute("wide", "CREATE SCHEMA app", """
                DO $$
                BEGIN
                  FOR i IN 1..150 LOOP
                    EXECUTE format('CREATE TABLE app.t%s (id serial PRIMARY KEY, parent int, name text DEFAULT %L)', i, 'n' || i);
                    EXECUTE format('CREATE VIEW app.v%s AS SELECT id, name FROM app.t%s', i, i);
                    EXECUTE format('CREATE VIEW app.w%s AS SELECT v.id FROM app.v%s v JOIN app.v%s u USING (id)', i, i, greatest(i - 1, 1));
                    EXECUTE format('CREATE FUNCTION app.f%s(integer) RETURNS integer LANGUAGE sql AS %L', i, 'SELECT $1 + ' || i);
                    EXECUTE format('INSERT INTO app.t%s (parent) SELECT g FROM generate_series(1, 5) g', i);
                  END LOOP;
                END $$""",
                "CREATE TABLE app.measurements (at date NOT NULL, v integer) PARTITION BY RANGE (at)",
                """
                DO $$
                BEGIN
                  FOR i IN 0..59 LOOP
                    EXECUTE format('CREATE TABLE app.m%s PARTITION OF app.measurements FOR VALUES FROM (%L) TO (%L)', i,
                                   date '2020-01-01' + i * 7, date '2020-01-01' + (i + 1) * 7);
                  END LOOP;
                END $$""",
                "INSERT INTO app.measurements SELECT date '2020-01-01' + g % 420, g FROM generate_series(1, 2000) g",
                "CREATE TABLE app.base (id integer, note text)",
                """
                DO $$
                BEGIN
                  FOR i IN 1..60 LOOP
                    EXECUTE format('CREATE TABLE app.c%s (extra integer) INHERITS (app.base)', i);
                    EXECUTE format('INSERT INTO app.c%s VALUES (%s, %L, %s)', i, i, 'child', i);
                  END LOOP;
                END $$""");
    }

    @Test
    void aWideSchemaCopiedWithThreeJobsEqualsTheSource() throws Exception {
        Cli.Run copy = Cli.run("copy", "-j", "3", "--source", Cli.conn(source, "wide"), "--target", Cli.conn(target, "wide"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();

        DatabaseSnapshot.assertSameContent(source, "wide", target, "wide");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "wide"), "--target", Cli.conn(target, "wide"));
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }
}
