package io.pgshift.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** restore --clean, --if-exists, --single-transaction, -n, -t and -L, from a dump of PostgreSQL 12 into 15. */
class RestoreOptionsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static Path dump;

    @BeforeAll
    static void dumpTheShop() throws Exception {
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"));
        dump = temp.resolve("shop.dump");
        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "shop"), "-F", "directory", "-f", dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void restoringTwiceWithCleanAndIfExistsGivesADatabaseIdenticalToTheSource() throws Exception {
        Cli.Run first = Cli.run("restore", "--clean", "--if-exists", "--target", Cli.conn(target, "twice"),
                dump.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        target.execute("twice", "DELETE FROM sales.order_items");

        Cli.Run second = Cli.run("restore", "--clean", "--if-exists", "-j", "2", "--target",
                Cli.conn(target, "twice"), dump.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertIdentical("twice");
    }

    @Test
    void cleanWithoutIfExistsFailsOnTheFirstObjectThatIsNotThere() {
        target.createDatabase("clean_empty");

        Cli.Run run = Cli.run("restore", "--clean", "--target", Cli.conn(target, "clean_empty"), dump.toString());

        assertThat(run.exitCode()).isEqualTo(9);
        assertThat(run.err()).contains("could not drop").contains("does not exist");
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedWithoutClean() throws Exception {
        target.createDatabase("not_empty");
        target.execute("not_empty", "CREATE TABLE public.customers (id int)");

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "not_empty"), dump.toString());

        assertThat(run.exitCode()).isEqualTo(7);
        Cli.Run clean = Cli.run("restore", "--clean", "--if-exists", "--target", Cli.conn(target, "not_empty"),
                dump.toString());
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertIdentical("not_empty");
    }

    @Test
    void aSingleTransactionRestoreGivesADatabaseIdenticalToTheSource() throws Exception {
        Cli.Run run = Cli.run("restore", "--single-transaction", "--target", Cli.conn(target, "single"),
                dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertIdentical("single");
    }

    @Test
    void aSingleTransactionRestoreThatFailsLeavesNothingBehind() throws Exception {
        Path damaged = temp.resolve("damaged");
        copyDump(damaged);
        Path biggest;
        try (Stream<Path> files = Files.list(damaged.resolve("data"))) {
            biggest = files.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(biggest, bytes);

        Cli.Run run = Cli.run("restore", "-1", "--target", Cli.conn(target, "single_failed"), damaged.toString());

        assertThat(run.exitCode()).isNotZero();
        try (Connection c = target.connect("single_failed");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_class WHERE relnamespace::regnamespace::text IN ('public', 'sales')")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void singleTransactionWithSeveralJobsIsRefused() {
        Cli.Run run = Cli.run("restore", "-1", "-j", "2", "--target", Cli.conn(target, "never"), dump.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--single-transaction");
    }

    @Test
    void aTrimmedListRestoresOnlyTheListedEntries() throws Exception {
        String list = Cli.run("restore", "--list", dump.toString()).out();
        List<String> kept = new ArrayList<>();
        for (String line : list.lines().toList()) {
            boolean wanted = line.endsWith(" SCHEMA sales") || line.endsWith(" TABLE sales.orders")
                    || line.endsWith(" TABLE DATA sales.orders") || line.contains("PRIMARY KEY sales.orders.")
                    || line.endsWith(" sales.orders_id_seq");
            kept.add(wanted || line.startsWith(";") ? line : ";" + line);
        }
        Path trimmed = temp.resolve("trimmed.list");
        Files.write(trimmed, kept);

        Cli.Run run = Cli.run("restore", "-L", trimmed.toString(), "--target", Cli.conn(target, "listed"),
                dump.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(relations("listed")).containsExactlyInAnyOrder("sales.orders", "sales.orders_id_seq",
                "sales.orders_pkey");
        try (Connection s = source.connect("shop"); Connection t = target.connect("listed")) {
            assertThat(DatabaseSnapshot.of(t).tables().get("sales.orders"))
                    .isEqualTo(DatabaseSnapshot.of(s).tables().get("sales.orders"));
        }
    }

    @Test
    void aTableAndASchemaCanBeChosenByName() throws Exception {
        Cli.Run table = Cli.run("restore", "-t", "products", "--target", Cli.conn(target, "one_table"),
                dump.toString());
        Cli.Run schema = Cli.run("restore", "-n", "public", "--target", Cli.conn(target, "one_schema"),
                dump.toString());

        assertThat(table.exitCode()).as(table.err()).isZero();
        // As with pg_restore -t, the table's rows come with it but not its indexes.
        assertThat(relations("one_table")).containsExactlyInAnyOrder("public.products", "public.products_id_seq");
        assertThat(schema.exitCode()).as(schema.err()).isZero();
        assertThat(relations("one_schema")).contains("public.customers", "public.products")
                .allMatch(r -> r.startsWith("public."));
    }

    @Test
    void aSchemaQualifiedTableComesWithItsSerialSequenceAndItsPosition() throws Exception {
        Cli.Run qualified = Cli.run("restore", "-t", "sales.orders", "--target", Cli.conn(target, "qualified"),
                dump.toString());
        Cli.Run both = Cli.run("restore", "-n", "sales", "-t", "orders", "--target", Cli.conn(target, "both"),
                dump.toString());

        for (Cli.Run run : List.of(qualified, both)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        for (String db : List.of("qualified", "both")) {
            assertThat(relations(db)).containsExactlyInAnyOrder("sales.orders", "sales.orders_id_seq");
            try (Connection c = target.connect(db); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT (SELECT count(*) FROM sales.orders) > 0, "
                            + "(SELECT last_value FROM sales.orders_id_seq) >= (SELECT max(id) FROM sales.orders)")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("rows").isTrue();
                assertThat(rs.getBoolean(2)).as("the sequence's position").isTrue();
            }
        }
    }

    @Test
    void aTableThatIsNotInTheDumpIsRefused() {
        Cli.Run run = Cli.run("restore", "-t", "sales.ordres", "--target", Cli.conn(target, "misspelt"),
                dump.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-t sales.ordres matches no table, view or sequence of the dump");
    }

    @Test
    void aDataOnlyRestoreRefusesATableThatHoldsRowsUntilItIsEmptied() throws Exception {
        Cli.Run schema = Cli.run("restore", "--section", "pre-data", "--target", Cli.conn(target, "data_only"),
                dump.toString());
        assertThat(schema.exitCode()).as(schema.err()).isZero();
        target.execute("data_only", "INSERT INTO public.products (id, sku, title, price) VALUES (999999, 'mine', 'mine', 1)");

        Cli.Run refused = Cli.run("restore", "--section", "data", "-t", "products", "--target",
                Cli.conn(target, "data_only"), dump.toString());

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(7);
        assertThat(refused.err()).contains("public.products holds rows").contains("TRUNCATE");
        try (Connection c = target.connect("data_only"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT title FROM public.products")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("mine");
            assertThat(rs.next()).isFalse();
        }
        target.execute("data_only", "TRUNCATE public.products");
        Cli.Run replaced = Cli.run("restore", "--section", "data", "-t", "products", "--target",
                Cli.conn(target, "data_only"), dump.toString());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
    }

    private static List<String> relations(String db) throws Exception {
        try (Connection c = target.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "SELECT relnamespace::regnamespace || '.' || relname FROM pg_class "
                        + "WHERE relnamespace::regnamespace::text IN ('public', 'sales') ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static void assertIdentical(String db) throws Exception {
        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, db);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection s = source.connect("shop"); Connection t = target.connect(db)) {
            DatabaseSnapshot a = DatabaseSnapshot.of(s);
            DatabaseSnapshot b = DatabaseSnapshot.of(t);
            assertThat(b.tables()).isEqualTo(a.tables());
            assertThat(b.sequences()).isEqualTo(a.sequences());
        }
    }

    private static void copyDump(Path copy) throws Exception {
        Files.createDirectories(copy.resolve("data"));
        Files.copy(dump.resolve("manifest.json"), copy.resolve("manifest.json"));
        try (Stream<Path> files = Files.list(dump.resolve("data"))) {
            for (Path f : files.collect(Collectors.toList())) {
                Files.copy(f, copy.resolve("data").resolve(f.getFileName()));
            }
        }
    }
}
