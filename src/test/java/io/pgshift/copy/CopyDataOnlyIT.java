package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * copy -a: the rows, sequence positions and large objects of a source, copied into tables that a schema-only copy
 * made, as pg_dump -a | psql would; refused, before anything is written, where tables are missing or hold rows.
 */
class CopyDataOnlyIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("13");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    private static final String APP = """
            CREATE TABLE public.customers (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE public.orders (id bigserial PRIMARY KEY, customer integer NOT NULL REFERENCES public.customers,
                                        total numeric(10,2), placed timestamptz DEFAULT now());
            CREATE FUNCTION public.no_rows() RETURNS trigger LANGUAGE plpgsql AS
              $$BEGIN RAISE EXCEPTION 'no new orders today'; END$$;
            CREATE TRIGGER closed BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.no_rows();
            ALTER TABLE public.orders DISABLE TRIGGER closed;
            INSERT INTO public.customers (name) SELECT 'customer ' || g FROM generate_series(1, 500) g;
            INSERT INTO public.orders (customer, total) SELECT 1 + g % 500, g / 3.0 FROM generate_series(1, 5000) g;
            ALTER TABLE public.orders ENABLE TRIGGER closed;
            SELECT lo_from_bytea(424242, '\\xcafe');
            """;

    @BeforeAll
    static void app() {
        source.createDatabase("app");
        source.execute("app", APP);
    }

    @Test
    void theDataOfASourceGoesIntoTheTablesOfASchemaOnlyCopyPastTheirTriggers() throws Exception {
        Cli.Run schema = Cli.run("copy", "-s", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_data"));
        assertThat(schema.exitCode()).as(schema.err()).isZero();

        Cli.Run data = Cli.run("copy", "-a", "--disable-triggers", "-j", "2", "--source", Cli.conn(source, "app"),
                "--target", Cli.conn(target, "app_data"));

        assertThat(data.exitCode()).as(data.err()).isZero();
        DatabaseSnapshot.assertSameContent(source, "app", target, "app_data");
        try (Connection t = target.connect("app_data"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT lo_get(424242), (SELECT tgenabled FROM pg_trigger "
                     + "WHERE tgname = 'closed')")) {
            rs.next();
            assertThat(rs.getBytes(1)).containsExactly(0xca, 0xfe);
            assertThat(rs.getString(2)).isEqualTo("O");
        }

        Cli.Run again = Cli.run("copy", "-a", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_data"));

        assertThat(again.exitCode()).as(again.err()).isEqualTo(7);
        assertThat(again.err()).contains("public.customers, public.orders hold rows already").contains("nothing was written");
        DatabaseSnapshot.assertSameContent(source, "app", target, "app_data");
    }

    @Test
    void withoutDisableTriggersATriggerThatRefusesRowsFailsTheCopy() throws Exception {
        Cli.Run schema = Cli.run("copy", "-s", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_triggers"));
        assertThat(schema.exitCode()).as(schema.err()).isZero();

        Cli.Run data = Cli.run("copy", "-a", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_triggers"));

        assertThat(data.exitCode()).as(data.err()).isEqualTo(9);
        assertThat(data.err()).contains("no new orders today");
        try (Connection t = target.connect("app_triggers"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.orders")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        Cli.Run resume = Cli.run("copy", "--resume", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_triggers"));
        assertThat(resume.exitCode()).as(resume.err()).isEqualTo(2);
        assertThat(resume.err()).contains("there is no interrupted copy");
    }

    @Test
    void aTargetWithoutTheTablesOrWithoutTheDatabaseIsRefusedBeforeAnythingIsWritten() throws Exception {
        target.createDatabase("app_empty");
        Cli.Run noTables = Cli.run("copy", "-a", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_empty"));
        assertThat(noTables.exitCode()).as(noTables.err()).isEqualTo(12);
        assertThat(noTables.err()).contains("the target has no table public.customers, public.orders");

        Cli.Run noDatabase = Cli.run("copy", "-a", "--source", Cli.conn(source, "app"), "--target",
                Cli.conn(target, "app_nowhere"));
        assertThat(noDatabase.exitCode()).as(noDatabase.err()).isEqualTo(6);
        try (Connection t = target.connect("postgres"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'app_nowhere'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
