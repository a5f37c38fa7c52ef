package io.pgshift.data;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Bank;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications keep writing while pgshift copies. Every write moves a unit between tables that different
 * sessions copy at different times, so a copy that read the tables at different moments would break the
 * invariants; one that reads them all in the same snapshot keeps them.
 */
class ConsistentSnapshotIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aCopyTakenWhileWritersRunEqualsOneMomentOfTheSource() throws Exception {
        Bank bank = Bank.create(source, "bank", 300_000, false);

        Bank.Busy<Cli.Run> copy = bank.whileWriting(() -> Cli.run("copy", "-j", "2", "--source",
                Cli.conn(source, "bank"), "--target", Cli.conn(target, "bank")));

        assertThat(copy.result().exitCode()).as(copy.result().err()).isZero();
        assertThat(copy.writesDuring()).as("writes committed while the copy ran").isPositive();
        try (Connection t = target.connect("bank")) {
            bank.assertConsistent(t, copy.writesBefore());
        }
    }
}
