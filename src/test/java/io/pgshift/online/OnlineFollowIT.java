package io.pgshift.online;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;
import io.pgshift.testkit.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/** What happens to an online copy while it follows: an abort, a killed pgshift, a change of schema. */
class OnlineFollowIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("13").setting("wal_level", "logical");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    private static void orders(String db) {
        source.createDatabase(db);
        source.execute(db, "CREATE TABLE orders (id bigserial PRIMARY KEY, item text NOT NULL)",
                "INSERT INTO orders (item) SELECT 'item ' || g FROM generate_series(1, 1000) g");
    }

    private static long rows(PostgresServer server, String db, String sql) throws Exception {
        try (Connection c = server.connect(db)) {
            return OnlineUpgrade.count(c, sql);
        }
    }

    @Test
    void anAbortMidFollowLeavesNoSlotPublicationOrSubscriptionAndASecondAbortHasNothingToDo() throws Exception {
        orders("aborted");
        Cli.Run copy = Cli.run("copy", "--online", "--source", Cli.conn(source, "aborted"), "--target",
                Cli.conn(target, "aborted"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        source.execute("aborted", "INSERT INTO orders (item) VALUES ('after the copy')");
        assertThat(Wait.until(() -> rows(target, "aborted", "SELECT count(*) FROM orders") == 1001, 30))
                .as("the change arrives on the target").isTrue();

        Cli.Run abort = Cli.run("abort", "--source", Cli.conn(source, "aborted"), "--target",
                Cli.conn(target, "aborted"));
        assertThat(abort.exitCode()).as(abort.err()).isZero();
        assertThat(abort.out()).contains("subscription", "replication slot", "publication");
        assertThat(rows(source, "aborted", "SELECT count(*) FROM pg_replication_slots")).isZero();
        assertThat(rows(source, "aborted", "SELECT count(*) FROM pg_publication")).isZero();
        assertThat(rows(target, "aborted", "SELECT count(*) FROM pg_subscription")).isZero();
        assertThat(rows(target, "aborted", "SELECT count(*) FROM orders")).as("the target keeps its rows")
                .isEqualTo(1001);

        Cli.Run again = Cli.run("abort", "--source", Cli.conn(source, "aborted"), "--target",
                Cli.conn(target, "aborted"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to remove");
        Cli.Run status = Cli.run("status", "--once", "--source", Cli.conn(source, "aborted"), "--target",
                Cli.conn(target, "aborted"));
        assertThat(status.exitCode()).isEqualTo(15);
        assertThat(status.err()).contains("no online copy");
    }

    @Test
    void killingPgshiftWhileItFollowsLosesNothingAndALaterCutoverPicksUp(@TempDir Path home) throws Exception {
        orders("killed");
        Process follow = Launcher.start(home, Map.of(), home, "copy", "--online", "--follow", "--source",
                Cli.conn(source, "killed"), "--target", Cli.conn(target, "killed"));
        assertThat(Wait.until(() -> Files.readString(home.resolve("out")).contains("the target follows the source"),
                120)).as("copy --online --follow reaches the follow; it said:\n" + Files.readString(home.resolve("err")))
                .isTrue();
        source.execute("killed", "INSERT INTO orders (item) SELECT 'while followed ' || g FROM generate_series(1, 100) g");
        follow.destroyForcibly();
        assertThat(follow.waitFor(30, TimeUnit.SECONDS)).isTrue();
        source.execute("killed", "INSERT INTO orders (item) SELECT 'after the kill ' || g FROM generate_series(1, 100) g",
                "UPDATE orders SET item = item || '!' WHERE id % 10 = 0", "DELETE FROM orders WHERE id % 7 = 0");

        Cli.Run status = Cli.run("status", "--once", "--source", Cli.conn(source, "killed"), "--target",
                Cli.conn(target, "killed"));
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("following");
        Cli.Run cutover = Cli.run("cutover", "--source", Cli.conn(source, "killed"), "--target",
                Cli.conn(target, "killed"));
        assertThat(cutover.exitCode()).as(cutover.err()).isZero();
        assertThat(cutover.out()).contains("1 sequence set");
        assertThat(rows(target, "killed", "SELECT count(*) FROM orders"))
                .isEqualTo(rows(source, "killed", "SELECT count(*) FROM orders"));
        assertThat(rows(target, "killed", "SELECT nextval('orders_id_seq')")).as("the sequence goes on after the "
                + "source's last value").isEqualTo(1201);
    }

    @Test
    void aCutoverAfterTheSourcesSchemaChangedIsRefusedNamingTheObjectAndTheSourceStaysWritable() throws Exception {
        orders("changed");
        Cli.Run copy = Cli.run("copy", "--online", "--source", Cli.conn(source, "changed"), "--target",
                Cli.conn(target, "changed"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        source.execute("changed", "ALTER TABLE orders ADD COLUMN note text");

        Cli.Run cutover = Cli.run("cutover", "--source", Cli.conn(source, "changed"), "--target",
                Cli.conn(target, "changed"));
        assertThat(cutover.exitCode()).isEqualTo(16);
        assertThat(cutover.err()).contains("schema changed", "orders");
        source.execute("changed", "INSERT INTO orders (item, note) VALUES ('still writable', 'yes')");

        target.execute("changed", "ALTER TABLE orders ADD COLUMN note text");
        Cli.Run again = Cli.run("cutover", "--source", Cli.conn(source, "changed"), "--target",
                Cli.conn(target, "changed"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(rows(target, "changed", "SELECT count(*) FROM orders WHERE note = 'yes'")).isEqualTo(1);
    }
}
