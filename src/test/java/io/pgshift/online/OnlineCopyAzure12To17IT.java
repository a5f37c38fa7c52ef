package io.pgshift.online;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

import static org.assertj.core.api.Assertions.assertThat;

/** Online mode from Azure's PostgreSQL 12 into its 17, as the admin, who is not a superuser. */
class OnlineCopyAzure12To17IT {
    @RegisterExtension
    static final ManagedServer source = ManagedServer.of(Provider.AZURE, "12").logicalReplication();
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(Provider.AZURE, "17").logicalReplication();

    @Test
    void pgbenchWritingThroughAnOnlineCopyAndItsCutoverLosesNothingAndStopsForLessThanFiveSeconds()
            throws Exception {
        OnlineUpgrade.pgbenchKeepsWritingThroughCopyAndCutover(source, target);
    }

    @Test
    void tablesOwnedByAnotherRoleThanTheAdminAreFollowedAndCutOver() throws Exception {
        source.executeAsAdmin("postgres", "CREATE ROLE app_owner NOLOGIN", "GRANT app_owner TO myadmin",
                "CREATE DATABASE shop");
        source.executeAsAdmin("shop", "CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 500) g",
                "ALTER TABLE items OWNER TO app_owner");
        String from = source.adminConn("shop");
        String to = target.adminConn("shop");
        Cli.Run roles = Cli.run("roles", "--source", source.adminConn("postgres"), "--target",
                target.adminConn("postgres"));
        assertThat(roles.exitCode()).as(roles.err()).isZero();
        Cli.Run copy = Cli.run("copy", "--online", "--source", from, "--target", to);
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        source.executeAsAdmin("shop", "UPDATE items SET name = name || ' (changed)' WHERE id <= 100",
                "DELETE FROM items WHERE id > 400", "INSERT INTO items VALUES (1000, 'new')");

        Cli.Run cutover = Cli.run("cutover", "--catch-up-timeout", "60", "--source", from, "--target", to);
        assertThat(cutover.exitCode()).as(cutover.err()).isZero();
        try (Connection t = target.connectAsAdmin("shop")) {
            assertThat(OnlineUpgrade.count(t, "SELECT count(*) FROM items")).isEqualTo(401);
            assertThat(OnlineUpgrade.count(t, "SELECT count(*) FROM items WHERE name LIKE '%(changed)'"))
                    .isEqualTo(100);
            assertThat(OnlineUpgrade.count(t, "SELECT count(*) FROM pg_class WHERE relname = 'items' AND relowner"
                    + " = 'app_owner'::regrole")).as("the table keeps its owner").isEqualTo(1);
        }
    }
}
