package io.pgshift.verify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.connect.ConnInfo;
import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ErrorOutput;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verification that cannot fail is not one: each kind of damage to a faithful copy is found and named. The shop
 * is copied twice from 12 to 17; one copy stays faithful, the other is damaged once in several independent ways,
 * each in an object of its own, so that every test can look for its own difference.
 */
class VerificationCatchesDifferencesIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** Small enough that every table of the shop but {@code public.events} is hashed in ranges. */
    private static final VerifyOptions SPLIT = new VerifyOptions(2, 64 * 1024, 4);
    private static final VerifyOptions WHOLE = new VerifyOptions(2, 0, 0);

    @BeforeAll
    static void copyTheShopAndDamageOneCopy() throws Exception {
        source.execute("postgres", "CREATE ROLE app_reader");
        target.execute("postgres", "CREATE ROLE app_reader");
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"),
                "GRANT SELECT ON sales.orders TO app_reader",
                // No key: every row is there ten times, which a hash that xors rows could not tell apart.
                "CREATE TABLE public.events (kind text NOT NULL, n integer NOT NULL)",
                "INSERT INTO public.events SELECT 'kind ' || g % 100, g % 100 FROM generate_series(1, 1000) g");
        copy("shop", "shop");
        copy("shop", "damaged");
        target.execute("damaged",
                "DELETE FROM sales.order_items WHERE order_id = 17 AND line = 1",
                "UPDATE public.products SET price = price + 0.01 WHERE id = 42",
                "UPDATE sales.orders SET note = 'changed in the middle' WHERE id = 50000",
                "DROP INDEX sales.orders_customer_idx",
                "REVOKE SELECT ON sales.orders FROM app_reader",
                "SELECT pg_catalog.setval('public.invoice_numbers', 5007)",
                // Two copies of one row gone, two more of another row: same count, and xor of the rows unchanged.
                "DELETE FROM public.events WHERE ctid IN (SELECT ctid FROM public.events WHERE n = 1 LIMIT 2)",
                "INSERT INTO public.events VALUES ('kind 2', 2), ('kind 2', 2)");
    }

    @Test
    void aFaithfulCopyShowsNoDifference() {
        DatabaseVerification db = verify("shop", VerifyOptions.DEFAULTS);

        assertThat(db.schema()).isEmpty();
        assertThat(db.tables()).hasSize(6).allMatch(TableCheck::matches);
        assertThat(db.rows()).isEqualTo(20_000 + 5_000 + 100_000 + 200_000 + 150_000 + 1_000);
        assertThat(db.sequences()).extracting(SequenceCheck::sequence)
                .contains("public.invoice_numbers", "public.customers_id_seq", "sales.orders_id_seq");
        assertThat(db.sequences()).allMatch(SequenceCheck::matches);
        assertThat(db.passed()).isTrue();
    }

    @Test
    void theVerifyCommandPassesAFaithfulCopyAndFailsADamagedOneWithExitCode10NamingEachDifference() {
        Cli.Run passed = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "shop"));
        assertThat(passed.exitCode()).as(passed.err()).isZero();
        assertThat(passed.out()).contains("The target equals the source in database shop: every object, 6 tables "
                + "with 476,000 rows");

        Cli.Run failed = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "damaged"),
                "--jobs", "3");
        assertThat(failed.exitCode()).isEqualTo(10);
        assertThat(failed.out())
                .contains("INDEX sales.orders_customer_idx: missing on the target")
                .contains("TABLE sales.orders: defined differently")
                .contains("TABLE DATA sales.order_items: 200,000 rows on the source, 199,999 on the target")
                .contains("TABLE DATA public.products: 5,000 rows on the source, 5,000 on the target, with different contents")
                .contains("TABLE DATA sales.orders: 100,000 rows on the source, 100,000 on the target, with different contents")
                .contains("TABLE DATA public.events: 1,000 rows on the source, 1,000 on the target, with different contents")
                .contains("SEQUENCE public.invoice_numbers: at last_value 5000 (called) on the source, "
                        + "last_value 5007 (called) on the target");
        assertThat(ErrorOutput.withoutWarnings(failed.err())).startsWith("pgshift: verification failed: 7 differences in database shop: "
                + "2 objects, 4 tables, 1 sequence");
    }

    @Test
    void aDeletedRowAndAChangedValueAreFoundInTheirTables() {
        Map<String, TableCheck> checks = byTable(verify("damaged", WHOLE));

        assertThat(checks.get("sales.order_items").matches()).isFalse();
        assertThat(checks.get("sales.order_items").target().rows()).isEqualTo(checks.get("sales.order_items").source().rows() - 1);
        assertThat(checks.get("public.products").matches()).isFalse();
        assertThat(checks.get("public.products").target().rows()).as("same count, different content")
                .isEqualTo(checks.get("public.products").source().rows());
        assertThat(checks.get("public.customers").matches()).isTrue();
        assertThat(checks.get("public.page_views").matches()).isTrue();
    }

    @Test
    void aMissingIndexAndAMissingGrantAreFoundByName() {
        List<SchemaDifference> differences = verify("damaged", VerifyOptions.DEFAULTS).schema();

        assertThat(differences).extracting(SchemaDifference::describe)
                .anySatisfy(d -> assertThat(d).startsWith("INDEX sales.orders_customer_idx: missing on the target"))
                .anySatisfy(d -> assertThat(d).startsWith("TABLE sales.orders: defined differently")
                        .contains("GRANT SELECT ON TABLE sales.orders TO app_reader"))
                .hasSize(2);
    }

    @Test
    void aChangedSequencePositionIsFound() {
        List<SequenceCheck> different = verify("damaged", VerifyOptions.DEFAULTS).differentSequences();

        assertThat(different).containsExactly(new SequenceCheck("public.invoice_numbers",
                new SequencePosition(5000, true), new SequencePosition(5007, true)));
    }

    @Test
    void twoCopiesOfOneRowReplacedByTwoCopiesOfAnotherAreFound() {
        TableCheck events = byTable(verify("damaged", WHOLE)).get("public.events");

        assertThat(events.target().rows()).isEqualTo(events.source().rows());
        assertThat(events.matches()).isFalse();
    }

    @Test
    void bigTablesHashedInRangesGiveTheSameFingerprintsAsWholeAndTheSameVerdict() {
        Map<String, TableCheck> whole = byTable(verify("shop", WHOLE));
        Map<String, TableCheck> split = byTable(verify("shop", SPLIT));

        // 12 cuts by a single-column integer key, 17 by ctid: order_items has a two-column key, so only 17 cuts it.
        assertThat(split.get("sales.orders").sourceRanges()).isEqualTo(4);
        assertThat(split.get("sales.orders").targetRanges()).isEqualTo(4);
        assertThat(split.get("sales.order_items").sourceRanges()).isEqualTo(1);
        assertThat(split.get("sales.order_items").targetRanges()).isEqualTo(4);
        assertThat(split.get("public.events").sourceRanges()).as("below the threshold").isEqualTo(1);
        assertThat(whole.get("sales.orders").sourceRanges()).isEqualTo(1);
        for (String table : whole.keySet()) {
            assertThat(split.get(table).source()).as(table).isEqualTo(whole.get(table).source());
            assertThat(split.get(table).target()).as(table).isEqualTo(whole.get(table).target());
            assertThat(split.get(table).matches()).as(table).isTrue();
        }

        Map<String, TableCheck> damagedWhole = byTable(verify("damaged", WHOLE));
        Map<String, TableCheck> damagedSplit = byTable(verify("damaged", SPLIT));
        assertThat(damagedSplit.get("sales.orders").targetRanges()).isEqualTo(4);
        assertThat(damagedSplit.get("sales.orders").matches()).as("a row in the middle changed").isFalse();
        assertThat(differing(damagedSplit)).isEqualTo(differing(damagedWhole))
                .containsExactlyInAnyOrder("sales.order_items", "public.products", "sales.orders", "public.events");
    }

    @Test
    void aMissingAChangedAndAReownedLargeObjectAreFound() {
        source.createDatabase("lobs");
        // The 9MB object spans two of the chunks contents are digested in; its change is in the second.
        source.execute("lobs", "SELECT pg_catalog.lo_from_bytea(91001, 'hello')",
                "SELECT pg_catalog.lo_from_bytea(91002, 'to be removed')",
                "SELECT pg_catalog.lo_from_bytea(91003, pg_catalog.decode(pg_catalog.repeat('ab', 9 * 1024 * 1024), 'hex'))",
                "SELECT pg_catalog.lo_from_bytea(91004, 'owned by the reader')",
                "ALTER LARGE OBJECT 91004 OWNER TO app_reader");
        copy("lobs", "lobs");
        assertThat(verify("lobs", "lobs", VerifyOptions.DEFAULTS).largeObjects())
                .isEqualTo(new LargeObjectCheck(4, 4, 5 + 13 + 9 * 1024 * 1024 + 19, List.of()));

        target.execute("lobs", "SELECT pg_catalog.lo_unlink(91002)",
                "SELECT pg_catalog.lo_put(91003, 9 * 1024 * 1024 - 10, '\\x00'::bytea)",
                "ALTER LARGE OBJECT 91004 OWNER TO " + target.superuser());
        DatabaseVerification db = verify("lobs", "lobs", VerifyOptions.DEFAULTS);

        assertThat(db.passed()).isFalse();
        assertThat(db.largeObjects().targetCount()).isEqualTo(3);
        assertThat(db.largeObjects().differences()).extracting(LargeObjectDifference::describe).satisfiesExactly(
                d -> assertThat(d).isEqualTo("LARGE OBJECT 91002: missing on the target"),
                d -> assertThat(d).isEqualTo("LARGE OBJECT 91003: contents differ (9437184 bytes on the source, "
                        + "9437184 on the target)"),
                d -> assertThat(d).startsWith("LARGE OBJECT 91004: owner, comment or privileges differ")
                        .contains("ALTER LARGE OBJECT 91004 OWNER TO app_reader"));
        assertThat(db.schema()).as("large objects are reported once, as large objects").isEmpty();
    }

    @Test
    @Timeout(120)
    void aTableTheUserMayNotReadStopsTheVerificationWithOneClearLine() {
        for (PostgresServer server : List.of(source, target)) {
            server.execute("postgres", "CREATE ROLE verifier LOGIN PASSWORD 'verifier-secret'");
            server.execute("shop", "GRANT USAGE ON SCHEMA sales TO verifier",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO verifier",
                    "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public, sales TO verifier");
        }
        // Only the source refuses the rows: with both refusing, whichever server's read failed first decided
        // between exit 14 (the source) and 9 (the target).
        target.execute("shop", "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO verifier");

        Cli.Run run = Cli.run("verify", "--source", Cli.conn(source, "shop").replace("user=" + source.superuser(),
                "user=verifier").replace(source.password(), "verifier-secret"), "--target",
                Cli.conn(target, "shop").replace("user=" + target.superuser(), "user=verifier")
                        .replace(target.password(), "verifier-secret"));

        // Reading the source failed: exit 14, the code of a source that fails, whichever command reads it.
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(14);
        assertThat(ErrorOutput.withoutWarnings(run.err())).startsWith("pgshift: reading the source failed: verification of "
                + "database \"shop\" failed: could not read the rows of sales.").contains("on the source")
                .contains("permission denied");
        assertThat(run.err()).doesNotContain("secret");
        assertThat(ErrorOutput.withoutWarnings(run.err()).lines()).hasSize(1);
    }

    /** The shop on the source against one of its copies on the target. */
    private static DatabaseVerification verify(String copy, VerifyOptions options) {
        return verify("shop", copy, options);
    }

    private static DatabaseVerification verify(String sourceDb, String targetDb, VerifyOptions options) {
        VerificationReport report = Verification.run(ConnInfo.parse(Cli.conn(source, sourceDb)),
                ConnInfo.parse(Cli.conn(target, targetDb)), options);
        assertThat(report.databases()).hasSize(1);
        return report.databases().get(0);
    }

    private static void copy(String from, String to) {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, from), "--target", Cli.conn(target, to));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static Map<String, TableCheck> byTable(DatabaseVerification db) {
        return db.tables().stream().collect(Collectors.toMap(TableCheck::table, Function.identity()));
    }

    private static List<String> differing(Map<String, TableCheck> checks) {
        return checks.values().stream().filter(c -> !c.matches()).map(TableCheck::table).sorted().toList();
    }
}
