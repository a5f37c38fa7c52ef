package io.pgshift.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that applications keep writing while it is copied. Every write moves a unit from an account to a
 * ledger and logs an event that a counter counts: tables (or ranges of a table) read at different moments
 * would break these sums, a copy read in one snapshot keeps them.
 */
public final class Bank {
    private static final long BALANCE = 100;

    private final PostgresServer server;
    private final String db;
    private final int accounts;

    private Bank(PostgresServer server, String db, int accounts) {
        this.server = server;
        this.db = db;
        this.accounts = accounts;
    }

    /**
     * Creates the bank's database.
     *
     * @param filler whether each account also holds some text, to make the accounts table larger on disk
     */
    public static Bank create(PostgresServer server, String db, int accounts, boolean filler) {
        server.createDatabase(db);
        server.execute(db,
                "CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL"
                        + (filler ? ", filler text)" : ")"),
                "INSERT INTO accounts SELECT g, " + BALANCE + (filler ? ", md5(g::text)" : "")
                        + " FROM generate_series(1, " + accounts + ") g",
                "CREATE TABLE ledger (id integer PRIMARY KEY, total bigint NOT NULL)",
                "INSERT INTO ledger VALUES (1, 0)",
                "CREATE TABLE events (id bigserial PRIMARY KEY, account integer NOT NULL)",
                "CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL)",
                "INSERT INTO counters VALUES ('events', 0)");
        return new Bank(server, db, accounts);
    }

    /** What happened while a task ran with a writer at work. */
    public record Busy<T>(T result, long writesBefore, long writesDuring) {
    }

    public interface Task<T> {
        T run() throws Exception;
    }

    /** Runs the task once a writer has committed some writes, while it goes on writing. */
    public <T> Busy<T> whileWriting(Task<T> task) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> write(stop, writes), "concurrent-writer");
        writer.start();
        try {
            while (writes.get() < 50 && writer.isAlive()) {
                Thread.sleep(10);
            }
            long before = writes.get();
            T result = task.run();
            return new Busy<>(result, before, writes.get() - before);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    /** The copy holds every account, and the sums hold: it equals one moment of the source, at or after {@code before}. */
    public void assertConsistent(Connection copy, long writesBefore) throws Exception {
        try (Statement st = copy.createStatement()) {
            long balances = single(st, "SELECT sum(balance) FROM accounts");
            long ledger = single(st, "SELECT total FROM ledger");
            assertThat(single(st, "SELECT count(*) FROM accounts")).isEqualTo(accounts);
            assertThat(balances + ledger).as("units only move between accounts and the ledger")
                    .isEqualTo(accounts * BALANCE);
            assertThat(single(st, "SELECT count(*) FROM events")).as("each write logs one event and counts it")
                    .isEqualTo(single(st, "SELECT value FROM counters WHERE name = 'events'"));
            assertThat(ledger).as("the copy saw the writes made before it began").isGreaterThanOrEqualTo(writesBefore);
        }
    }

    private void write(AtomicBoolean stop, AtomicLong writes) {
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            while (!stop.get()) {
                int account = 1 + ThreadLocalRandom.current().nextInt(accounts);
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
