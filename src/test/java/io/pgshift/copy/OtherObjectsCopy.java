package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.pgshift.sql.Sql;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Copies torture/others*.sql (extensions, text search, foreign data, publications, default privileges,
 * large objects) plus database properties from a source of some version into a target, once, and checks
 * the result: with pg_dump where the target is 15 or older, with catalog queries everywhere. Each subclass
 * names one source and one target server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OtherObjectsCopy {
    static final String DB = "Others Ö Db";
    /** Where the configuration extension lives; @extschema@ may not hold quotes. */
    private static final String HOME = "\"Odd Schema\"";

    private Cli.Run copy;
    private String sourceOnlyExtension;

    abstract PostgresServer source();

    abstract PostgresServer target();

    @BeforeAll
    void copyTheTortureDatabase() throws Exception {
        sourceOnlyExtension = TestExtensions.installSourceOnlyExtension(source());
        createSource(source(), target());
        copy = Cli.run("copy", "--source", conn(source(), DB), "--target", conn(target(), DB));
    }

    /**
     * The roles and the configuration extension on both servers, as pg_dumpall would bring them, and the
     * torture database on the source.
     */
    static void createSource(PostgresServer source, PostgresServer target) throws Exception {
        int major = major(source);
        for (PostgresServer server : List.of(source, target)) {
            server.execute("postgres", "CREATE ROLE \"Ödön Owner\"", "CREATE ROLE \"app reader\"");
            TestExtensions.installConfigExtension(server);
        }
        String db = Sql.ident(DB);
        source.execute("postgres", "CREATE DATABASE " + db + " TEMPLATE template0 ENCODING 'UTF8' "
                + "LC_COLLATE 'C' LC_CTYPE 'C'" + provider(major));
        source.execute(DB, "GRANT CREATE ON DATABASE " + db + " TO \"Ödön Owner\"");
        source.execute(DB, torture("others.sql"));
        for (int version : List.of(10, 13, 15)) {
            if (major >= version) {
                source.execute(DB, torture("others-" + version + ".sql"));
            }
        }
        source.execute(DB, "CREATE EXTENSION pgshift_cfg WITH SCHEMA " + HOME + " VERSION '1.0'",
                "INSERT INTO " + HOME + ".\"Rules\" VALUES (2, 'added by the user', false), (3, 'and this', false)",
                "SELECT pg_catalog.setval('" + HOME.replace("'", "''") + ".rule_ids', 41)");
        source.execute(DB, "COMMENT ON DATABASE " + db + " IS 'the ''other'' objects'",
                "ALTER DATABASE " + db + " CONNECTION LIMIT 42",
                "REVOKE TEMPORARY ON DATABASE " + db + " FROM PUBLIC",
                "ALTER DATABASE " + db + " SET search_path = \"$user\", public, \"Odd Schema\"",
                "ALTER DATABASE " + db + " SET \"DateStyle\" = 'SQL, DMY'",
                "ALTER DATABASE " + db + " SET pgshift.note = 'it''s 100%'",
                "ALTER ROLE \"app reader\" IN DATABASE " + db + " SET work_mem = '1MB'",
                // Applied to the copy only at the end, or its own sessions could not write.
                "ALTER DATABASE " + db + " SET default_transaction_read_only = on",
                "ALTER DATABASE " + db + " OWNER TO \"Ödön Owner\"");
    }

    /** The source database's collation provider: the newest the source has, to see the target get it. */
    private static String provider(int major) {
        if (major >= 17) {
            return " LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'";
        }
        return major >= 15 ? " LOCALE_PROVIDER icu ICU_LOCALE 'de-DE'" : "";
    }

    @Test
    void theCopySucceedsAndWarnsAboutAnExtensionItCreatesAtAnotherVersion() {
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out() + copy.err())
                .contains("extension pgshift_cfg is created at the target's version 1.1; the source has version 1.0");
    }

    @Test
    void pgDumpShowsTheSameSchemaOnSourceAndTarget() throws Exception {
        assumeThat(Integer.parseInt(target().majorVersion())).as("pg_dump 15 dumps servers up to 15").isLessThan(16);
        String expected = PgDumpOracle.schema(source(), DB);
        String actual = PgDumpOracle.schema(target(), DB);

        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }

    @Test
    void everyObjectArrivesWithItsOptionsAndPrivileges() throws Exception {
        assertThat(rows(target(), objectsQuery(sourceMajor()))).isEqualTo(rows(source(), objectsQuery(sourceMajor())))
                .hasSizeGreaterThan(25);
    }

    @Test
    void largeObjectsArriveWithTheirContentsOwnersPrivilegesAndComments() throws Exception {
        String query = """
                SELECT l.oid, pg_catalog.pg_get_userbyid(l.lomowner), l.lomacl::text,
                       pg_catalog.obj_description(l.oid, 'pg_largeobject'),
                       pg_catalog.md5(pg_catalog.lo_get(l.oid)), pg_catalog.length(pg_catalog.lo_get(l.oid))
                FROM pg_catalog.pg_largeobject_metadata l ORDER BY 1""";
        List<String> expected = rows(source(), query);

        assertThat(rows(target(), query)).isEqualTo(expected).hasSize(3);
        assertThat(expected.get(2)).contains("2560000");
    }

    @Test
    void theDatabaseKeepsItsSettingsCommentOwnerPrivilegesAndConnectionLimitButNotRoleSettings() throws Exception {
        String query = """
                SELECT pg_catalog.pg_get_userbyid(d.datdba), d.datconnlimit, d.datacl::text,
                       pg_catalog.shobj_description(d.oid, 'pg_database'), pg_catalog.pg_encoding_to_char(d.encoding),
                       d.datcollate, d.datctype,
                       (SELECT s.setconfig::text FROM pg_catalog.pg_db_role_setting s
                        WHERE s.setdatabase = d.oid AND s.setrole = 0)
                FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()""";
        String roleSettings = """
                SELECT count(*) FROM pg_catalog.pg_db_role_setting s JOIN pg_catalog.pg_database d
                ON d.oid = s.setdatabase WHERE d.datname = pg_catalog.current_database() AND s.setrole <> 0""";

        assertThat(rows(target(), query)).isEqualTo(rows(source(), query));
        assertThat(rows(target(), query).get(0)).contains("Ödön Owner|42|").contains("DateStyle=SQL, DMY")
                .contains("it's 100%").contains("public, \\\"Odd Schema\\\"");
        assertThat(rows(target(), roleSettings)).containsExactly("0");
        assertThat(rows(target(), localeQuery(Integer.parseInt(target().majorVersion()))))
                .isEqualTo(rows(source(), localeQuery(sourceMajor())));
    }

    /** The database's collation provider and its locale, wherever the version keeps them. */
    private static String localeQuery(int major) {
        String columns = major >= 17 ? "d.datlocprovider, d.datlocale"
                : major >= 15 ? "d.datlocprovider, d.daticulocale" : "'c', NULL";
        return "SELECT " + columns + " FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()";
    }

    @Test
    void anExtensionsConfigurationTableGetsTheUserRowsAndItsSequenceThePosition() throws Exception {
        String query = "SELECT id, \"Rule Text\", standard FROM " + HOME + ".\"Rules\" ORDER BY id";

        assertThat(rows(target(), query)).containsExactly("1|shipped with the extension|t",
                "2|added by the user|f", "3|and this|f");
        assertThat(rows(target(), "SELECT last_value, is_called FROM " + HOME + ".rule_ids"))
                .containsExactly("41|t");
        assertThat(rows(target(), "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'pgshift_cfg'"))
                .containsExactly("1.1");
    }

    @Test
    void userMappingPasswordsAreCopiedButNeverPrinted() throws Exception {
        assertThat(rows(target(), "SELECT umoptions::text FROM pg_catalog.pg_user_mappings ORDER BY 1"))
                .contains("{user=reader,password=p4ss}");
        assertThat(copy.out() + copy.err()).doesNotContain("p4ss").doesNotContain("se'cret");
    }

    @Test
    void withoutPrivilegesNeitherDefaultNorColumnPrivilegesAreWritten() {
        Cli.Run run = Cli.run("copy", "--dry-run", "--no-acl", "--source", conn(source(), DB), "--target",
                conn(target(), "never created"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("CREATE FOREIGN TABLE").doesNotContain("GRANT").doesNotContain("REVOKE")
                .doesNotContain("DEFAULT PRIVILEGES");
    }

    @Test
    void aTargetWithoutAnExtensionTheSourceUsesIsRefusedBeforeAnythingIsWritten() throws Exception {
        source().createDatabase("needs extension");
        source().execute("needs extension", "CREATE EXTENSION " + sourceOnlyExtension);

        Cli.Run run = Cli.run("copy", "--source", conn(source(), "needs extension"), "--target",
                conn(target(), "needs extension"));

        assertThat(run.exitCode()).isEqualTo(9);
        assertThat(run.err()).contains("extension " + sourceOnlyExtension).contains("nothing was written")
                .doesNotContain("at io.pgshift");
        assertThat(rows(target(), "SELECT count(*) FROM pg_catalog.pg_database WHERE datname = 'needs extension'"))
                .containsExactly("0");
    }

    @Test
    void subscriptionsArriveDisabledWithTheirSlotAndSecurityLabelsNeedTheirProviderOnTheTarget() throws Exception {
        source().createDatabase("reported");
        source().execute("reported", "CREATE TABLE \"Labelled\" (id integer)",
                // No label provider is loaded, so the label goes straight into the catalog.
                "INSERT INTO pg_catalog.pg_seclabel VALUES ('public.\"Labelled\"'::pg_catalog.regclass, "
                        + "'pg_catalog.pg_class'::pg_catalog.regclass, 0, 'selinux', 'system_u:object_r:x_t:s0')");
        if (sourceMajor() >= 10) {
            source().execute("reported", "CREATE SUBSCRIPTION \"Sub ü\" CONNECTION 'host=192.0.2.1 dbname=x "
                    + "password=sub-secret' PUBLICATION p, \"Q\" WITH (connect = false, slot_name = 'sub_slot')",
                    "COMMENT ON SUBSCRIPTION \"Sub ü\" IS 'replica feed'");
        }

        Cli.Run refused = Cli.run("copy", "--source", conn(source(), "reported"), "--target", conn(target(), "reported"));

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(12);
        assertThat(refused.err()).contains("selinux (1 label)").contains("nothing was written")
                .contains("--no-security-labels");
        assertThat(rows(target(), "SELECT count(*) FROM pg_catalog.pg_database WHERE datname = 'reported'"))
                .containsExactly("0");

        Cli.Run run = Cli.run("copy", "--no-security-labels", "--source", conn(source(), "reported"),
                "--target", conn(target(), "reported"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        if (sourceMajor() >= 10) {
            assertThat(run.out()).doesNotContain("is not copied: only a superuser").doesNotContain("sub-secret");
            assertThat(rows(target(), "reported", "SELECT subname || ' ' || subenabled || ' ' || subslotname || ' ' "
                    + "|| array_to_string(subpublications, ',') || ' ' || subconninfo "
                    + "|| ' ' || obj_description(oid, 'pg_subscription') FROM pg_catalog.pg_subscription"))
                    .containsExactly("Sub ü false sub_slot p,Q host=192.0.2.1 dbname=x password=sub-secret replica feed");
        }
        assertThat(rows(target(), "SELECT count(*) FROM pg_catalog.pg_seclabel")).containsExactly("0");
        Path dump = Files.createTempFile("labels", ".sql");
        Files.delete(dump);
        Cli.Run plain = Cli.run("dump", "-F", "plain", "--source", conn(source(), "reported"), "-f", dump.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(Files.readString(dump)).contains("SECURITY LABEL FOR selinux ON TABLE public.\"Labelled\" IS "
                + "'system_u:object_r:x_t:s0';");
    }

    /** Runs after the other tests, which look at the first copy. */
    @Test
    @Order(Integer.MAX_VALUE)
    void cleanReplacesTheseObjectsOnATargetThatHasThemAlready() throws Exception {
        Cli.Run run = Cli.run("copy", "--clean", "--source", conn(source(), DB), "--target", conn(target(), DB));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rows(target(), objectsQuery(sourceMajor()))).isEqualTo(rows(source(), objectsQuery(sourceMajor())));
        assertThat(rows(target(), "SELECT count(*) FROM " + HOME + ".\"Rules\"")).containsExactly("3");
        assertThat(rows(target(), "SELECT count(*) FROM pg_catalog.pg_largeobject_metadata")).containsExactly("3");
    }

    int sourceMajor() {
        return major(source());
    }

    private static int major(PostgresServer server) {
        String major = server.majorVersion();
        return major.startsWith("9.") ? 9 : Integer.parseInt(major);
    }

    /** One line per object of the kinds under test, with the properties that must survive the copy. */
    private static String objectsQuery(int sourceMajor) {
        String query = """
                SELECT 'parser ' || prsname FROM pg_catalog.pg_ts_parser WHERE oid >= 16384
                UNION ALL SELECT 'template ' || tmplname FROM pg_catalog.pg_ts_template WHERE oid >= 16384
                UNION ALL SELECT 'dictionary ' || dictname || ' ' || COALESCE(dictinitoption, '')
                          || ' ' || pg_catalog.pg_get_userbyid(dictowner)
                          FROM pg_catalog.pg_ts_dict WHERE oid >= 16384
                UNION ALL SELECT 'configuration ' || c.cfgname || ' ' || pg_catalog.pg_get_userbyid(c.cfgowner) || ' '
                          || (SELECT pg_catalog.string_agg(m.maptokentype || ':' || d.dictname, ','
                                                           ORDER BY m.maptokentype, m.mapseqno)
                              FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
                              WHERE m.mapcfg = c.oid)
                          FROM pg_catalog.pg_ts_config c WHERE c.oid >= 16384
                UNION ALL SELECT 'wrapper ' || fdwname || ' ' || COALESCE(fdwoptions::text, '') || ' '
                          || COALESCE(fdwacl::text, '') FROM pg_catalog.pg_foreign_data_wrapper
                UNION ALL SELECT 'server ' || srvname || ' ' || COALESCE(srvtype, '') || ' ' || COALESCE(srvversion, '')
                          || ' ' || COALESCE(srvoptions::text, '') || ' ' || COALESCE(srvacl::text, '')
                          FROM pg_catalog.pg_foreign_server
                UNION ALL SELECT 'mapping ' || srvname || ' ' || usename || ' ' || COALESCE(umoptions::text, '')
                          FROM pg_catalog.pg_user_mappings
                UNION ALL SELECT 'foreign table ' || ftrelid::pg_catalog.regclass || ' ' || COALESCE(ftoptions::text, '')
                          || ' ' || (SELECT pg_catalog.string_agg(a.attname || ' ' || COALESCE(a.attfdwoptions::text, '')
                                                                  || ' ' || a.attnotnull || ' ' || a.attstorage::text,
                                                                  ', ' ORDER BY a.attnum)
                                     FROM pg_catalog.pg_attribute a WHERE a.attrelid = ftrelid AND a.attnum > 0)
                          FROM pg_catalog.pg_foreign_table
                UNION ALL SELECT 'default privileges ' || pg_catalog.pg_get_userbyid(defaclrole) || ' '
                          || defaclnamespace::pg_catalog.regnamespace || ' ' || defaclobjtype::text || ' ' || defaclacl::text
                          FROM pg_catalog.pg_default_acl
                UNION ALL SELECT 'extension ' || e.extname || ' ' || n.nspname FROM pg_catalog.pg_extension e
                          JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace""";
        if (sourceMajor >= 10) {
            query += """

                    UNION ALL SELECT 'publication ' || pubname || ' ' || puballtables || pubinsert || pubupdate
                              || pubdelete || ' ' || pg_catalog.pg_get_userbyid(pubowner) || ' ' || %s
                              FROM pg_catalog.pg_publication
                    UNION ALL SELECT 'publication table ' || p.pubname || ' ' || r.prrelid::pg_catalog.regclass
                              || ' ' || %s
                              FROM pg_catalog.pg_publication_rel r
                              JOIN pg_catalog.pg_publication p ON p.oid = r.prpubid""".formatted(
                    sourceMajor >= 13 ? "pubviaroot" : "''",
                    sourceMajor >= 15 ? "COALESCE(r.prattrs::text, '') || ' '"
                            + " || COALESCE(pg_catalog.pg_get_expr(r.prqual, r.prrelid), '')" : "''");
        }
        if (sourceMajor >= 15) {
            query += """

                    UNION ALL SELECT 'publication schema ' || p.pubname || ' ' || n.pnnspid::pg_catalog.regnamespace
                              FROM pg_catalog.pg_publication_namespace n
                              JOIN pg_catalog.pg_publication p ON p.oid = n.pnpubid""";
        }
        return query + "\nORDER BY 1";
    }

    /** Each row of a query in the test database, its columns joined by "|". */
    static List<String> rows(PostgresServer server, String query) throws SQLException {
        return rows(server, DB, query);
    }

    static List<String> rows(PostgresServer server, String db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                rows.add(String.join("|", columns));
            }
        }
        return rows;
    }

    /** A key=value connection string whose database name may hold spaces and quotes. */
    static String conn(PostgresServer server, String db) {
        return Cli.conn(server, "postgres").replace("dbname=postgres",
                "dbname='" + db.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    private static String torture(String file) throws Exception {
        return CopyFrom12To17IT.resource("/torture/" + file);
    }
}
