package io.pgshift.data;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Bank;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table above {@code --split-tables-larger-than} is copied in ranges by several sessions at once: integer key
 * ranges from a PostgreSQL 12 source, ctid ranges from 14. The tables here are a few MB and the threshold 1MB,
 * so they are cut. Rows updated after loading sit out of key order in later pages, and some columns are NULL;
 * a lost or doubled row would change the row hashes, and a doubled key would also fail the primary key.
 */
class SplitTableCopyIT {
    private static final int ROWS = 40_000;
    private static final int ACCOUNTS = 100_000;

    @RegisterExtension
    static final PostgresServer pg12 = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer pg14 = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aTableCutIntoIntegerKeyRangesFrom12ArrivesWithEveryRowExactlyOnce() throws Exception {
        fill(pg12, "keyed");
        Cli.Run run = splitCopy(pg12, "keyed");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("public.big (3 parts)").doesNotContain("public.small (");
        assertThat(run.out()).contains(" in 3 parts");
        DatabaseSnapshot.assertSameContent(pg12, "keyed", target, "keyed");
    }

    @Test
    void aTableCutIntoCtidRangesFrom14ArrivesWithEveryRowExactlyOnce() throws Exception {
        fill(pg14, "pages");
        Cli.Run run = splitCopy(pg14, "pages");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("public.big (3 parts)").contains("public.nokey (3 parts)")
                .doesNotContain("public.small (");
        DatabaseSnapshot.assertSameContent(pg14, "pages", target, "pages");
    }

    @Test
    void aTableWithoutASingleIntegerKeyOn12IsCopiedWhole() throws Exception {
        fill(pg12, "whole");
        Cli.Run run = splitCopy(pg12, "whole");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("public.nokey: ").contains("public.textkey: ")
                .doesNotContain("public.nokey (").doesNotContain("public.textkey (");
        DatabaseSnapshot.assertSameContent(pg12, "whole", target, "whole");
    }

    @Test
    void aKeyRangeSplitCopyTakenWhileWritersRunEqualsOneMomentOfTheSource() throws Exception {
        copyWhileWriting(pg12, "bank12");
    }

    @Test
    void aCtidRangeSplitCopyTakenWhileWritersRunEqualsOneMomentOfTheSource() throws Exception {
        copyWhileWriting(pg14, "bank14");
    }

    private static Cli.Run splitCopy(PostgresServer source, String db) {
        // Both servers run here, so the default would cut no more ranges than half the cores allow.
        return Cli.run("copy", "-j", "3", "--split-tables-larger-than", "1MB", "--split-max-parts", "3",
                "--source", Cli.conn(source, db), "--target", Cli.conn(target, db));
    }

    /**
     * {@code big}: integer key with negative values, a dropped and a generated column, an enum (so text COPY),
     * NULLs, and every seventh row updated after loading so its new version lies in a later page. {@code nokey}
     * and {@code textkey}: as large, but no key an old server could cut them by. {@code small}: under 1MB.
     */
    private static void fill(PostgresServer source, String db) {
        source.createDatabase(db);
        source.execute(db,
                "CREATE TYPE mood AS ENUM ('calm', 'busy')",
                "CREATE TABLE big (id bigint PRIMARY KEY, junk integer, note text, amount numeric, day date, "
                        + "feeling mood, doubled numeric GENERATED ALWAYS AS (amount * 2) STORED)",
                "INSERT INTO big (id, junk, note, amount, day, feeling) SELECT g, g, "
                        + "CASE WHEN g % 5 <> 0 THEN repeat(md5(g::text), 2) END, "
                        + "CASE WHEN g % 3 <> 0 THEN g * 1.5 END, DATE '2020-01-01' + g % 1000, "
                        + "CASE WHEN g % 4 <> 0 THEN (ARRAY['calm', 'busy'])[1 + g % 2]::mood END "
                        + "FROM generate_series(-1000, " + ROWS + ") g",
                "ALTER TABLE big DROP COLUMN junk",
                "UPDATE big SET amount = coalesce(amount, 0) + 1, note = note || 'x' WHERE id % 7 = 0",
                "CREATE INDEX big_day ON big (day)",
                "CREATE TABLE nokey (line text, n integer)",
                "INSERT INTO nokey SELECT CASE WHEN g % 6 <> 0 THEN repeat(md5(g::text), 2) END, g "
                        + "FROM generate_series(1, " + ROWS + ") g",
                "UPDATE nokey SET n = -n WHERE n % 9 = 0",
                "CREATE TABLE textkey (k text PRIMARY KEY, v text)",
                "INSERT INTO textkey SELECT 'k' || g, repeat(md5(g::text), 2) FROM generate_series(1, " + ROWS + ") g",
                "CREATE TABLE small (id integer PRIMARY KEY, v text)",
                "INSERT INTO small SELECT g, md5(g::text) FROM generate_series(1, 100) g",
                "ANALYZE");
    }

    /**
     * The test kit's bank, with its accounts table cut into ranges: every write moves a unit from an account to
     * the ledger and logs an event, so ranges read at different moments would break the sums.
     */
    private static void copyWhileWriting(PostgresServer source, String db) throws Exception {
        Bank bank = Bank.create(source, db, ACCOUNTS, true);

        Bank.Busy<Cli.Run> copy = bank.whileWriting(() -> splitCopy(source, db));

        assertThat(copy.result().exitCode()).as(copy.result().err()).isZero();
        assertThat(copy.result().err()).contains("public.accounts (3 parts)");
        assertThat(copy.writesDuring()).as("writes committed while the copy ran").isPositive();
        try (Connection t = target.connect(db)) {
            bank.assertConsistent(t, copy.writesBefore());
        }
    }
}
