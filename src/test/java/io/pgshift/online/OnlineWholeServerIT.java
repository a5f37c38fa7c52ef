package io.pgshift.online;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade --online} of a whole Azure server, as its admin: roles, every database copied and followed, then
 * one {@code status} and one {@code cutover} for the server, given connections without a database.
 */
class OnlineWholeServerIT {
    @RegisterExtension
    static final ManagedServer source = ManagedServer.of(Provider.AZURE, "14").logicalReplication();
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(Provider.AZURE, "17").logicalReplication();

    private static String server(ManagedServer s) {
        return s.adminConn("postgres").replace(" dbname=postgres", "");
    }

    @Test
    void everyDatabaseOfTheServerFollowsItsSourceAndOneCutoverTakesThemAll(@TempDir Path dir) throws Exception {
        for (String db : new String[] {"sales", "crm"}) {
            source.executeAsAdmin("postgres", "CREATE DATABASE " + db);
            source.executeAsAdmin(db, "CREATE TABLE t (id serial PRIMARY KEY, v text)",
                    "INSERT INTO t (v) SELECT 'row ' || g FROM generate_series(1, 300) g");
        }
        Cli.Run upgrade = Cli.run("upgrade", "--online", "--no-report", "--source", server(source), "--target",
                server(target));
        assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("follow the source's");

        for (String db : new String[] {"sales", "crm"}) {
            source.executeAsAdmin(db, "INSERT INTO t (v) VALUES ('after the upgrade')", "DELETE FROM t WHERE id <= 10");
        }
        Cli.Run status = Cli.run("status", "--once", "--source", server(source), "--target", server(target));
        assertThat(status.exitCode()).as(status.err()).isZero();
        // The postgres database is one of the server's databases too, and is copied and followed as the others.
        assertThat(status.out().lines().filter(l -> l.contains("following")).count()).as(status.out()).isEqualTo(3);

        Cli.Run cutover = Cli.run("cutover", "--source", server(source), "--target", server(target));
        assertThat(cutover.exitCode()).as(cutover.out() + cutover.err()).isZero();
        assertThat(cutover.out()).contains("database crm:", "database postgres:", "database sales:");
        for (String db : new String[] {"sales", "crm"}) {
            try (Connection t = target.connectAsAdmin(db)) {
                assertThat(OnlineUpgrade.count(t, "SELECT count(*) FROM t")).as(db).isEqualTo(291);
                assertThat(OnlineUpgrade.count(t, "SELECT nextval('t_id_seq')")).as(db).isEqualTo(302);
            }
            OnlineUpgrade.assertNothingLeft(source, target, db);
        }
        Cli.Run again = Cli.run("status", "--once", "--source", server(source), "--target", server(target));
        assertThat(again.exitCode()).isEqualTo(15);
    }
}
