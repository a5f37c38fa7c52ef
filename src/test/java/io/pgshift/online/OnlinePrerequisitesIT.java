package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online mode refuses to start, with exit code 15 and a message that says what to change, whenever a prerequisite
 * is missing on either server, and leaves nothing behind: no publication or slot on the source, no database or
 * subscription on the target.
 */
class OnlinePrerequisitesIT {
    @RegisterExtension
    static final PostgresServer logical = PostgresServer.version("16").setting("wal_level", "logical")
            .setting("max_replication_slots", "3");
    @RegisterExtension
    static final PostgresServer replicaOnly = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer old = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");
    @RegisterExtension
    static final ManagedServer azure15 = ManagedServer.of(Provider.AZURE, "15");

    private static Cli.Run online(PostgresServer source, String db, String targetConn, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "copy";
        args[1] = "--online";
        args[2] = "--source";
        args[3] = Cli.conn(source, db);
        args[4] = "--target";
        args[5] = targetConn;
        System.arraycopy(more, 0, args, 6, more.length);
        return Cli.run(args);
    }

    @Test
    void aSourceWhoseWalLevelIsNotLogicalIsRefusedWithTheFix() throws Exception {
        replicaOnly.createDatabase("wal");
        replicaOnly.execute("wal", "CREATE TABLE t (id int PRIMARY KEY)");
        Cli.Run run = online(replicaOnly, "wal", Cli.conn(target, "wal"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
        assertThat(run.err()).contains("wal_level is replica", "ALTER SYSTEM SET wal_level = logical");
        assertNothingLeft(replicaOnly, "wal", "wal");
    }

    @Test
    void aSourceWithNoFreeReplicationSlotIsRefused() throws Exception {
        logical.createDatabase("slots");
        logical.execute("slots", "CREATE TABLE t (id int PRIMARY KEY)");
        logical.execute("postgres", "SELECT pg_create_physical_replication_slot('filler_' || g) FROM "
                + "generate_series(1, 3) g");
        try {
            Cli.Run run = online(logical, "slots", Cli.conn(target, "slots"));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
            assertThat(run.err()).contains("no replication slot is free", "max_replication_slots");
            assertNothingLeft(logical, "slots", "slots");
        } finally {
            logical.execute("postgres", "SELECT pg_drop_replication_slot('filler_' || g) FROM generate_series(1, 3) g");
        }
    }

    @Test
    void aTableWithNoReplicaIdentityIsRefusedByNameUnlessFullIdentityIsAllowed() throws Exception {
        logical.createDatabase("identity");
        logical.execute("identity", "CREATE TABLE keyed (id int PRIMARY KEY, v text)",
                "CREATE TABLE log (at timestamptz, line text)", "INSERT INTO log VALUES (now(), 'x')");
        Cli.Run refused = online(logical, "identity", Cli.conn(target, "identity"));
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(15);
        assertThat(refused.err()).contains("public.log", "--replica-identity-full").doesNotContain("public.keyed");
        assertNothingLeft(logical, "identity", "identity");

        Cli.Run started = online(logical, "identity", Cli.conn(target, "identity"), "--replica-identity-full");
        assertThat(started.exitCode()).as(started.err()).isZero();
        logical.execute("identity", "UPDATE log SET line = 'y'", "DELETE FROM keyed");
        Cli.Run abort = Cli.run("abort", "--source", Cli.conn(logical, "identity"), "--target",
                Cli.conn(target, "identity"));
        assertThat(abort.exitCode()).as(abort.err()).isZero();
        try (Connection c = logical.connect("identity")) {
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_class WHERE relname = 'log'"
                    + " AND relreplident = 'd'")).as("the table's identity given back by abort").isEqualTo(1);
        }
        assertNothingLeft(logical, "identity", null);
    }

    @Test
    void aStartThatWouldHoldMoreWalThanMaxSlotWalIsRefusedWithTheNumbers() throws Exception {
        logical.createDatabase("busy");
        logical.execute("busy", "CREATE TABLE t (id bigserial PRIMARY KEY, v text)");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection c = logical.connect("busy"); java.sql.Statement st = c.createStatement()) {
                while (!stop.get()) {
                    st.execute("INSERT INTO t (v) SELECT repeat('x', 200) FROM generate_series(1, 500)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            Cli.Run run = online(logical, "busy", Cli.conn(target, "busy"), "--max-slot-wal", "1kB");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
            assertThat(run.err()).contains("of WAL per second now", "more than --max-slot-wal");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertNothingLeft(logical, "busy", "busy");
    }

    @Test
    void aSourceOfPostgres96IsRefusedSinceItHasNoLogicalReplication() throws Exception {
        old.createDatabase("old");
        Cli.Run run = online(old, "old", Cli.conn(target, "old"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
        assertThat(run.err()).contains("PostgreSQL 9.6", "without --online");
        assertThat(databaseExists(target, "old")).isFalse();
    }

    @Test
    void aTargetWhoseAdminMayNotCreateSubscriptionsIsRefusedBeforeTheSourceIsTouched() throws Exception {
        logical.createDatabase("managed");
        logical.execute("managed", "CREATE TABLE t (id int PRIMARY KEY)");
        Cli.Run run = online(logical, "managed", azure15.adminConn("managed"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(15);
        assertThat(run.err()).contains("may not create a subscription", "pg_create_subscription");
        assertThat(run.err()).doesNotContain(ManagedServer.ADMIN_PASSWORD);
        try (Connection c = logical.connect("managed")) {
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_publication")).isZero();
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_replication_slots")).isZero();
        }
    }

    private static void assertNothingLeft(PostgresServer source, String sourceDb, String targetDb)
            throws SQLException {
        try (Connection c = source.connect(sourceDb)) {
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_publication")).as("publications").isZero();
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE "
                    + "'pgshift%'")).as("slots").isZero();
        }
        try (Connection c = target.connect("postgres")) {
            assertThat(OnlineUpgrade.count(c, "SELECT count(*) FROM pg_subscription")).as("subscriptions").isZero();
        }
        if (targetDb != null) {
            assertThat(databaseExists(target, targetDb)).as("database " + targetDb + " on the target").isFalse();
        }
    }

    private static boolean databaseExists(PostgresServer server, String db) throws SQLException {
        try (Connection c = server.connect("postgres")) {
            return OnlineUpgrade.count(c, "SELECT count(*) FROM pg_database WHERE datname = '" + db + "'") > 0;
        }
    }
}
