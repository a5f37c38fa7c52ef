package io.pgshift.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pgbench's tables and its default TPC-B-like transaction, written in Java so that the tests need no pgbench
 * binary: each transaction adds one delta to an account, its teller and its branch, and logs it in the history.
 * The sums of the balances of the branches, of the tellers and of the accounts, and of the history's deltas, are
 * then always equal: a copy that lost or doubled a change breaks them.
 */
public final class Pgbench {
    /** Makes the tables at the given scale: 100,000 accounts, 10 tellers and 1 branch per unit, as pgbench -i. */
    public static void initialize(Connection db, int scale) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88))");
            st.execute("CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84))");
            st.execute("CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84))");
            st.execute("CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp,"
                    + " filler char(22))");
            st.execute("INSERT INTO pgbench_branches SELECT g, 0 FROM generate_series(1, " + scale + ") g");
            st.execute("INSERT INTO pgbench_tellers SELECT g, (g - 1) / 10 + 1, 0 FROM generate_series(1, "
                    + 10 * scale + ") g");
            st.execute("INSERT INTO pgbench_accounts SELECT g, (g - 1) / 100000 + 1, 0, '' FROM generate_series(1, "
                    + 100_000 * scale + ") g");
            st.execute("VACUUM ANALYZE");
        }
    }

    /** Clients writing until stopped; each keeps going through errors until told to stop. */
    public static final class Load implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong commits = new AtomicLong();
        private final AtomicLong lastCommitNanos = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final List<Thread> clients = new ArrayList<>();

        /** Starts {@code clients} clients, each with connections from {@code connect}. */
        public static Load start(int clients, int scale, Connect connect) {
            Load load = new Load();
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(() -> load.client(scale, connect), "pgbench-client-" + i);
                t.setDaemon(true);
                t.start();
                load.clients.add(t);
            }
            return load;
        }

        public interface Connect {
            Connection open() throws SQLException;
        }

        private void client(int scale, Connect connect) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
                try (Connection c = connect.open()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement account = c.prepareStatement(
                            "UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?");
                         PreparedStatement read = c.prepareStatement(
                                 "SELECT abalance FROM pgbench_accounts WHERE aid = ?");
                         PreparedStatement teller = c.prepareStatement(
                                 "UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?");
                         PreparedStatement branch = c.prepareStatement(
                                 "UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?");
                         PreparedStatement history = c.prepareStatement("INSERT INTO pgbench_history"
                                 + " (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                        while (!stop.get()) {
                            int aid = random.nextInt(1, 100_000 * scale + 1);
                            int bid = random.nextInt(1, scale + 1);
                            int tid = random.nextInt(1, 10 * scale + 1);
                            int delta = random.nextInt(-5000, 5001);
                            account.setInt(1, delta);
                            account.setInt(2, aid);
                            account.executeUpdate();
                            read.setInt(1, aid);
                            read.executeQuery().close();
                            teller.setInt(1, delta);
                            teller.setInt(2, tid);
                            teller.executeUpdate();
                            branch.setInt(1, delta);
                            branch.setInt(2, bid);
                            branch.executeUpdate();
                            history.setInt(1, tid);
                            history.setInt(2, bid);
                            history.setInt(3, aid);
                            history.setInt(4, delta);
                            history.executeUpdate();
                            c.commit();
                            commits.incrementAndGet();
                            lastCommitNanos.set(System.nanoTime());
                        }
                    }
                } catch (SQLException e) {
                    // Read-only or ended by the cutover: try again a little later, as an application's
                    // connection pool would. Reconnecting at once would take the machine's cores for SSL and
                    // SCRAM handshakes, from the cutover itself.
                    failures.incrementAndGet();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        public long commits() {
            return commits.get();
        }

        public long failures() {
            return failures.get();
        }

        /** When the last transaction committed, on System.nanoTime's clock. */
        public long lastCommitNanos() {
            return lastCommitNanos.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : clients) {
                t.join(10_000);
            }
        }
    }

    /** Asserts pgbench's invariant: the branches', tellers' and accounts' balances and the history's deltas agree. */
    public static void assertBalanced(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
             var rs = st.executeQuery("SELECT (SELECT sum(bbalance) FROM pgbench_branches),"
                     + " (SELECT sum(tbalance) FROM pgbench_tellers), (SELECT sum(abalance) FROM pgbench_accounts),"
                     + " (SELECT sum(delta) FROM pgbench_history), (SELECT count(*) FROM pgbench_history)")) {
            rs.next();
            long branches = rs.getLong(1);
            assertThat(rs.getLong(2)).as("sum of the tellers' balances").isEqualTo(branches);
            assertThat(rs.getLong(3)).as("sum of the accounts' balances").isEqualTo(branches);
            assertThat(rs.getLong(4)).as("sum of the history's deltas").isEqualTo(branches);
            assertThat(rs.getLong(5)).as("history rows").isPositive();
        }
    }

    private Pgbench() {
    }
}
