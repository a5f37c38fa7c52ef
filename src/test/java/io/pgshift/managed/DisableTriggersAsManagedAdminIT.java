package io.pgshift.managed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;

/**
 * restore -a --disable-triggers as Azure's admin, who is not a superuser: a table the admin owns and that has no
 * foreign key gets its rows past its triggers; tables with a foreign key, whose internal triggers only a superuser
 * may disable, are refused with exit 12 before any row is written, never loaded with their triggers on.
 */
class DisableTriggersAsManagedAdminIT {
    @RegisterExtension
    static final ManagedServer server = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @TempDir
    static Path work;

    private static Path dump;

    @BeforeAll
    static void aShopOwnedByTheAdminDumpedAndItsSchemaCopied() {
        server.executeAsAdmin("postgres", "CREATE DATABASE shop", "CREATE DATABASE shop_copy");
        server.executeAsAdmin("shop",
                "CREATE TABLE public.customers (id integer PRIMARY KEY)",
                "CREATE TABLE public.orders (id integer PRIMARY KEY, customer integer REFERENCES public.customers)",
                "INSERT INTO public.customers SELECT generate_series(1, 20)",
                "INSERT INTO public.orders SELECT g, g FROM generate_series(1, 20) g",
                "CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN RAISE EXCEPTION 'rows are only written by the application'; END$$",
                "CREATE TABLE public.audit (id integer PRIMARY KEY)",
                "INSERT INTO public.audit SELECT generate_series(1, 7)",
                "CREATE TRIGGER no_inserts BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.refuse()");
        dump = work.resolve("shop.dir");
        Cli.Run dumped = Cli.run("dump", "--source", server.adminConn("shop"), "-f", dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        // The whole schema, keys and foreign keys included, as a data-only restore finds it.
        Cli.Run schema = Cli.run("restore", "--section", "pre-data", "--section", "post-data", "--target",
                server.adminConn("shop_copy"), dump.toString());
        assertThat(schema.exitCode()).as(schema.err()).isZero();
    }

    @Test
    void tablesWithForeignKeysAreRefusedBeforeAnyRowIsWrittenAndATableTheAdminOwnsIsLoaded() throws Exception {
        Cli.Run refused = Cli.run("restore", "-a", "--disable-triggers", "--target", server.adminConn("shop_copy"),
                dump.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(12);
        assertThat(refused.err()).contains("--disable-triggers: the target user " + server.admin())
                .contains("the foreign keys' triggers of public.customers, public.orders need a superuser")
                .contains("nothing was written").doesNotContain(ManagedServer.ADMIN_PASSWORD);
        assertThat(count("public.customers") + count("public.orders") + count("public.audit")).isZero();

        Cli.Run loaded = Cli.run("restore", "-a", "--disable-triggers", "-t", "public.audit", "--target",
                server.adminConn("shop_copy"), dump.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(count("public.audit")).isEqualTo(7);
    }

    private static long count(String table) throws Exception {
        try (Connection c = server.connectAsAdmin("shop_copy");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
