package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public schema exists on both sides, with defaults that changed in 15 (PUBLIC lost CREATE): what the source
 * made of it arrives as the source has it, whatever the target's own defaults.
 */
class PublicSchemaIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aPublicSchemaLeftAsInitdbMadeItKeepsCreateForPublicAsARestoreOfPgDumpWould() throws Exception {
        source.createDatabase("pub_default");
        source.execute("pub_default", "CREATE TABLE t (id integer)");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "pub_default"), "--target",
                Cli.conn(target, "pub_default"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(publicAcl("pub_default")).contains("=UC/");
        assertThat(comment("pub_default")).isEqualTo("standard public schema");
        assertVerified("pub_default");
    }

    @Test
    void aPublicSchemaClosedToPublicWithItsCommentRemovedArrivesClosedAndWithoutComment() throws Exception {
        source.createDatabase("pub_closed");
        source.execute("pub_closed", "REVOKE USAGE ON SCHEMA public FROM PUBLIC",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC", "COMMENT ON SCHEMA public IS ''",
                "CREATE ROLE pub_app", "GRANT USAGE ON SCHEMA public TO pub_app", "CREATE TABLE t (id integer)");
        target.execute("postgres", "CREATE ROLE pub_app");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "pub_closed"), "--target",
                Cli.conn(target, "pub_closed"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(publicAcl("pub_closed")).doesNotContain(",=").doesNotStartWith("{=").contains("pub_app=U/");
        assertThat(comment("pub_closed")).isNull();
        assertVerified("pub_closed");
    }

    private static void assertVerified(String db) {
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, db), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static String publicAcl(String db) throws Exception {
        return text(db, "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'");
    }

    private static String comment(String db) throws Exception {
        return text(db, "SELECT obj_description('public'::regnamespace, 'pg_namespace')");
    }

    private static String text(String db, String sql) throws Exception {
        try (Connection c = target.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
