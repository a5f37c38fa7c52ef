package io.pgshift.order;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes found in PostgreSQL 15's own regression database that a newer target cannot take as the source prints
 * them: a view whose FETCH FIRST count the source prints without the parentheses it needs, and an inheritance
 * child whose column is generated unlike its parent's, which 16 and later refuse.
 */
class SourceQuirksIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("15");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aViewWithFetchFirstAndACastArrivesAndReturnsTheSameRows() throws Exception {
        source.createDatabase("fetch");
        source.execute("fetch", "CREATE TABLE onek (thousand integer)",
                "INSERT INTO onek SELECT g % 1000 FROM generate_series(1, 3000) g",
                "CREATE VIEW top_ties AS SELECT thousand FROM onek WHERE thousand < 995 ORDER BY thousand "
                        + "FETCH FIRST (NULL::bigint + 5) ROWS WITH TIES");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "fetch"), "--target", Cli.conn(target, "fetch"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "fetch"), "--target", Cli.conn(target, "fetch"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void aChildGeneratedUnlikeItsParentIsRefusedBeforeWritingAndCopiedWithoutIt() throws Exception {
        source.createDatabase("generated");
        source.execute("generated", "CREATE TABLE parent (a integer, b integer)",
                "CREATE TABLE child (a integer, b integer GENERATED ALWAYS AS (a * 2) STORED)",
                "ALTER TABLE child INHERIT parent", "CREATE TABLE other (id integer)");

        Cli.Run refused = Cli.run("copy", "--source", Cli.conn(source, "generated"),
                "--target", Cli.conn(target, "generated"));

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(8);
        assertThat(refused.err()).contains("public.child.b (generated, its parent's is not)")
                .contains("nothing was written").contains("-T");
        try (Connection c = target.connect("postgres"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname = 'generated'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        Cli.Run check = Cli.run("check", "--source", Cli.conn(source, "generated"),
                "--target", Cli.conn(target, "generated"));
        assertThat(check.out() + check.err()).contains("public.child.b");

        Cli.Run copy = Cli.run("copy", "-T", "child", "--source", Cli.conn(source, "generated"),
                "--target", Cli.conn(target, "generated"));
        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
    }
}
