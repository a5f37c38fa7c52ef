package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routine torture schema, written for the copy's own tests, holds functions in language internal, operator
 * classes and a procedural language: objects only a superuser may create. Against a target set up as Azure sets
 * up its own, connecting as the admin, check names them and the copy stops before it writes anything.
 */
class RoutinesAsManagedAdminIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @BeforeAll
    static void fill() throws Exception {
        RoutineFixtures.createSource(source);
        target.executeAsAdmin("postgres", "CREATE ROLE routine_owner", "CREATE ROLE routine_user");
    }

    @Test
    void checkNamesTheObjectsOnlyASuperuserMayCreateAndTheCopyWritesNothing() throws Exception {
        Cli.Run check = Cli.run("check", "--source", Cli.conn(source, "postgres"), "--target",
                target.adminConn("postgres"), "--databases", RoutineFixtures.DB, "--json");

        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(12);
        List<String> errors = new ArrayList<>();
        new ObjectMapper().readTree(check.out()).get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("ERROR")) {
                errors.add(f.get("code").asText() + " " + f.get("message").asText());
            }
        });
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-SUPERUSER-OBJECTS")
                && e.contains("only a superuser may create") && e.contains("function in language c "));

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, RoutineFixtures.DB), "--target",
                target.adminConn(RoutineFixtures.DB));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isEqualTo(12);
        assertThat(copy.err()).contains("only a superuser may create").contains("nothing was written");
        try (Connection t = target.connectAsSuperuser("postgres"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'routines'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
