package io.pgshift.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications keep writing while pgshift copies. Every write moves a unit between tables that different
 * sessions copy at different times, so a copy that read the tables at different moments would break the
 * invariants; one that reads them all in the same snapshot keeps them.
 */
class ConsistentSnapshotIT {
    private static final int ACCOUNTS = 300_000;
    private static final long BALANCE = 100;

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aCopyTakenWhileWritersRunEqualsOneMomentOfTheSource() throws Exception {
        source.createDatabase("bank");
        source.execute("bank",
                "CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL)",
                "INSERT INTO accounts SELECT g, " + BALANCE + " FROM generate_series(1, " + ACCOUNTS + ") g",
                "CREATE TABLE ledger (id integer PRIMARY KEY, total bigint NOT NULL)",
                "INSERT INTO ledger VALUES (1, 0)",
                "CREATE TABLE events (id bigserial PRIMARY KEY, account integer NOT NULL)",
                "CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL)",
                "INSERT INTO counters VALUES ('events', 0)");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> write(stop, writes), "concurrent-writer");
        writer.start();
        while (writes.get() < 50) {
            Thread.sleep(10);
        }
        long before = writes.get();
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "bank"), "--target",
                Cli.conn(target, "bank"));
        long during = writes.get() - before;
        stop.set(true);
        writer.join();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(during).as("writes committed while the copy ran").isPositive();
        try (Connection t = target.connect("bank"); Statement st = t.createStatement()) {
            long accounts = single(st, "SELECT sum(balance) FROM accounts");
            long ledger = single(st, "SELECT total FROM ledger");
            assertThat(accounts + ledger).as("units only move between accounts and the ledger")
                    .isEqualTo(ACCOUNTS * BALANCE);
            assertThat(single(st, "SELECT count(*) FROM events")).as("each write logs one event and counts it")
                    .isEqualTo(single(st, "SELECT value FROM counters WHERE name = 'events'"));
            assertThat(ledger).as("the copy saw the writes made before it began").isGreaterThanOrEqualTo(before);
        }
    }

    private static void write(AtomicBoolean stop, AtomicLong writes) {
        try (Connection c = source.connect("bank"); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            while (!stop.get()) {
                int account = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
                st.execute("UPDATE accounts SET balance = balance - 1 WHERE id = " + account);
                st.execute("UPDATE ledger SET total = total + 1 WHERE id = 1");
                st.execute("INSERT INTO events (account) VALUES (" + account + ")");
                st.execute("UPDATE counters SET value = value + 1 WHERE name = 'events'");
                c.commit();
                writes.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
