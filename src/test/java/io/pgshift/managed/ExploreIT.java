package io.pgshift.managed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

class ExploreIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @Test
    void explore() {
        source.execute("postgres",
                "CREATE ROLE app_user LOGIN PASSWORD 'app-secret'",
                "CREATE ROLE report_user LOGIN PASSWORD 'rep-secret'",
                "CREATE ROLE rls_user LOGIN BYPASSRLS",
                "GRANT report_user TO app_user",
                "ALTER ROLE app_user SET work_mem = '8MB'",
                "CREATE DATABASE sales OWNER app_user",
                "CREATE DATABASE reports OWNER report_user");
        source.execute("sales",
                "CREATE EXTENSION pgcrypto",
                "CREATE SCHEMA app AUTHORIZATION app_user",
                "CREATE TABLE app.orders (id serial PRIMARY KEY, note text)",
                "ALTER TABLE app.orders OWNER TO app_user",
                "INSERT INTO app.orders (note) SELECT 'n' || g FROM generate_series(1, 100) g",
                "GRANT SELECT ON app.orders TO report_user",
                "ALTER DEFAULT PRIVILEGES FOR ROLE app_user IN SCHEMA app GRANT SELECT ON TABLES TO report_user",
                "CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n FROM app.orders",
                "ALTER MATERIALIZED VIEW app.totals OWNER TO app_user",
                "SELECT lo_from_bytea(0, 'hello'::bytea)",
                "DO $$ BEGIN EXECUTE format('ALTER LARGE OBJECT %s OWNER TO report_user', (SELECT max(oid) FROM pg_largeobject_metadata)); END $$");
        source.execute("reports", "CREATE TABLE r (id int)", "ALTER TABLE r OWNER TO report_user");
        target.executeAsAdmin("postgres", "CREATE ROLE app_user LOGIN PASSWORD 'x'");
        String src = Cli.conn(source, "postgres");
        Cli.Run check = Cli.run("check", "--source", src, "--target", target.adminConn("postgres"));
        System.out.println("CHECK exit " + check.exitCode() + "\n" + check.out() + check.err());
        Cli.Run run = Cli.run("upgrade", "--source", src, "--target", target.adminConn("postgres"), "-j", "2");
        System.out.println("UPGRADE exit " + run.exitCode() + "\n" + run.out() + run.err());
    }
}
