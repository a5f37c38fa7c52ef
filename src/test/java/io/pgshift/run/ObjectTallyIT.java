package io.pgshift.run;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.pgshift.object.Kind;

/**
 * The last step of a restore: whatever way an object of the dump went missing on the target (a statement that
 * made something else, an event trigger that dropped it, a transaction rolled back behind the run's back), the
 * restore fails with exit 10 and names it, instead of reporting success.
 */
class ObjectTallyIT {
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void restoredShop() {
        target.createDatabase("tally");
        target.execute("tally", """
                CREATE TABLE public.customers (id int PRIMARY KEY, email text);
                CREATE INDEX customers_email_idx ON public.customers (email);
                CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
                """);
    }

    @Test
    void aRestoreWhoseObjectsAreAllOnTheTargetPasses() throws Exception {
        List<Entry> ran = List.of(table("public.customers"), index("public.customers_email_idx"),
                constraint("PRIMARY KEY", "public.customers.customers_pkey"), function("public.f()", 1));

        try (Connection c = target.connect("tally")) {
            ObjectTally.check(c, versionOf(c), ObjectTally.of(ran), "restore");
        }
    }

    @Test
    void aRestoreMissingAKeyAndAnIndexFailsWithExit10NamingBoth() throws Exception {
        List<Entry> ran = List.of(table("public.customers"), index("public.customers_name_idx"),
                constraint("UNIQUE", "public.customers.customers_email_key"));

        try (Connection c = target.connect("tally")) {
            assertThatThrownBy(() -> ObjectTally.check(c, versionOf(c), ObjectTally.of(ran), "restore"))
                    .isInstanceOfSatisfying(PgShiftException.class, e -> assertThat(e.code().exitCode()).isEqualTo(10))
                    .hasMessageContaining("the restore did not create every object")
                    .hasMessageContaining("CONSTRAINT public.customers.customers_email_key")
                    .hasMessageContaining("INDEX public.customers_name_idx")
                    .hasMessageNotContaining("TABLE public.customers,");
        }
    }

    @Test
    void aRestoreMissingFunctionsCountsThem() throws Exception {
        List<Entry> ran = List.of(function("public.f()", 1), function("public.g()", 2));

        try (Connection c = target.connect("tally")) {
            assertThatThrownBy(() -> ObjectTally.check(c, versionOf(c), ObjectTally.of(ran), "restore"))
                    .hasMessageContaining("1 of 2 FUNCTION objects");
        }
    }

    private static ServerVersion versionOf(Connection c) throws Exception {
        return io.pgshift.catalog.CatalogReader.versionOf(c);
    }

    private static Entry table(String name) {
        return entry("TABLE", name, Section.PRE_DATA, 1);
    }

    private static Entry index(String name) {
        return entry("INDEX", name, Section.POST_DATA, 2);
    }

    private static Entry constraint(String kind, String name) {
        return entry(kind, name, Section.POST_DATA, 3);
    }

    private static Entry function(String name, long oid) {
        return entry("FUNCTION", name, Section.PRE_DATA, 100 + oid);
    }

    private static Entry entry(String kind, String name, Section section, long oid) {
        return new Entry(ObjectRef.of("pg_class", oid + name.hashCode()), Kind.of(kind), name, section, List.of(), Set.of(),
                null);
    }
}
