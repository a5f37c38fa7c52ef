package io.pgshift.archive;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory dump writes a large table as several range files at once, and restore loads them at once: every
 * row arrives exactly once, from a source that cuts ranges by ctid (14) and from one that cuts them by integer
 * key (12).
 */
class SplitDumpRestoreIT {
    @RegisterExtension
    static final PostgresServer pg12 = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer pg14 = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path temp;

    @BeforeAll
    static void shops() throws Exception {
        for (PostgresServer source : new PostgresServer[] {pg12, pg14}) {
            source.createDatabase("shop");
            source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"),
                    // A row in the middle goes and comes back at the end: ctid order is not key order.
                    "DELETE FROM sales.order_items WHERE order_id = 5000",
                    "INSERT INTO sales.order_items (order_id, line, product_id, quantity, unit_price) "
                            + "SELECT 5000, g, g, 1, 1 FROM generate_series(1, 3) g");
        }
    }

    @Test
    void rangesByCtidFromPostgres14AreRestoredWholeWithNoRowTwice() throws Exception {
        dumpAndRestore(pg14, "from14", "sales.order_items");
    }

    @Test
    void rangesByIntegerKeyFromPostgres12AreRestoredWholeWithNoRowTwice() throws Exception {
        // Before 14 a table needs a single-column integer key to be cut: order_items has a two-column one.
        dumpAndRestore(pg12, "from12", "sales.orders");
    }

    @Test
    void aSplitDumpRestoresInOneTransactionToo() throws Exception {
        Path dump = dump(pg14, "single", "sales.order_items");
        Cli.Run restore = Cli.run("restore", "-1", "--target", Cli.conn(target, "single"), dump.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        DatabaseSnapshot.assertSameContent(pg14, "shop", target, "single");
    }

    private static void dumpAndRestore(PostgresServer source, String name, String splitTable) throws Exception {
        Path dump = dump(source, name, splitTable);
        Cli.Run restore = Cli.run("restore", "-j", "3", "--target", Cli.conn(target, name), dump.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        DatabaseSnapshot.assertSameContent(source, "shop", target, name);
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, name));
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    private static Path dump(PostgresServer source, String name, String splitTable) throws Exception {
        Path dump = temp.resolve(name);
        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "shop"), "-j", "3", "--split-tables-larger-than",
                "64kB", "-f", dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Manifest manifest = DumpDirectory.open(dump).manifest();
        long files = manifest.data().stream().filter(f -> f.table().equals(splitTable)).count();
        assertThat(files).as("range files of " + splitTable).isGreaterThan(1);
        return dump;
    }
}
