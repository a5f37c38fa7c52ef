package io.pgshift.data;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in type survives the copy both ways a table can travel: binary COPY (all columns built-in) and
 * text COPY (the same columns next to a regtype column, whose binary form is an oid, which forces text).
 */
class BuiltinTypesIT {
    @RegisterExtension
    static final PostgresServer source96 = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer source12 = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** Column type and a few literal values (NULL is added to every column). */
    private record Sample(String type, String... values) {
    }

    private static final List<Sample> SINCE_96 = List.of(
            new Sample("boolean", "true", "false"),
            new Sample("bytea", "'\\x00ff10'", "''"),
            new Sample("\"char\"", "'a'"),
            new Sample("name", "'a name'"),
            new Sample("smallint", "-32768", "32767"),
            new Sample("integer", "-2147483648", "42"),
            new Sample("bigint", "-9223372036854775808", "9223372036854775807"),
            new Sample("real", "'NaN'", "'-Infinity'", "1.17549435e-38", "0.1"),
            new Sample("double precision", "'Infinity'", "1e-300", "0.1", "-0"),
            new Sample("numeric", "'NaN'", "0.000000000000000000001", "-12345678901234567890.123456789"),
            new Sample("numeric(10,3)", "3.142"),
            new Sample("money", "12.34", "-0.01"),
            new Sample("text", "E'tab\\there, newline\\n, backslash \\\\, quote '' '", "'ünïcødé ✓'"),
            new Sample("character varying(20)", "'short'"),
            new Sample("character(5)", "'ab'"),
            new Sample("oid", "4294967295"),
            new Sample("date", "'2024-02-29'", "'infinity'", "'4713-01-01 BC'"),
            new Sample("time", "'23:59:59.999999'"),
            new Sample("time with time zone", "'12:00:00+05:30'"),
            new Sample("timestamp", "'2000-01-01 00:00:00'", "'-infinity'"),
            new Sample("timestamp with time zone", "'1999-12-31 23:59:59.5+14'"),
            new Sample("interval", "'1 year 2 mons 3 days 04:05:06.789'", "'-1 day'"),
            new Sample("uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"),
            new Sample("inet", "'192.168.0.1/24'", "'::1'"),
            new Sample("cidr", "'10.0.0.0/8'"),
            new Sample("macaddr", "'08:00:2b:01:02:03'"),
            new Sample("bit(4)", "B'1010'"),
            new Sample("bit varying(8)", "B'101'"),
            new Sample("point", "'(1.5,2)'"),
            new Sample("line", "'{1,2,3}'"),
            new Sample("lseg", "'[(0,0),(1,1)]'"),
            new Sample("box", "'(1,1),(0,0)'"),
            new Sample("path", "'[(0,0),(1,1),(2,0)]'"),
            new Sample("polygon", "'((0,0),(1,1),(1,0))'"),
            new Sample("circle", "'<(0,0),5>'"),
            new Sample("json", "'{\"a\": [1, 2.5, null]}'"),
            new Sample("jsonb", "'{\"b\": {\"c\": true}}'"),
            new Sample("tsvector", "'a fat cat'"),
            new Sample("tsquery", "'fat & (rat | cat)'"),
            new Sample("pg_lsn", "'16/B374D848'"),
            new Sample("txid_snapshot", "'10:20:10,14,15'"),
            new Sample("int4range", "'[1,10)'"),
            new Sample("int8range", "'(,5]'"),
            new Sample("numrange", "'empty'"),
            new Sample("daterange", "'[2020-01-01,2021-01-01)'"),
            new Sample("tsrange", "'[2020-01-01 10:00,2020-01-01 11:00)'"),
            new Sample("tstzrange", "'[2020-01-01 10:00+00,)'"),
            new Sample("integer[]", "'{1,NULL,3}'", "'{{1,2},{3,4}}'"),
            new Sample("text[]", "'{\"a b\",\"c,d\",NULL}'"),
            new Sample("double precision[]", "'{0.1,NaN}'"),
            new Sample("timestamp with time zone[]", "'{\"2020-01-01 00:00:00+00\"}'"),
            new Sample("numeric[]", "'{1.5,-2}'"));

    private static final List<Sample> SINCE_12 = List.of(
            new Sample("macaddr8", "'08:00:2b:01:02:03:04:05'"),
            new Sample("jsonpath", "'$.a[*] ? (@ > 1)'"));

    @Test
    void everyBuiltInTypeArrivesIntactFrom96ByBinaryAndByTextCopy() throws Exception {
        copyAndCompare(source96, SINCE_96);
    }

    @Test
    void everyBuiltInTypeArrivesIntactFrom12ByBinaryAndByTextCopy() throws Exception {
        List<Sample> all = new ArrayList<>(SINCE_96);
        all.addAll(SINCE_12);
        copyAndCompare(source12, all);
    }

    /**
     * xml_out and xml_send both drop an XML declaration that names only version 1.0, so either COPY format
     * would change such a value; the copy reads xml columns (and domains over xml) as text instead.
     */
    @Test
    void xmlValuesKeepTheirDeclarationExactly() throws Exception {
        source96.createDatabase("xmldocs");
        source96.execute("xmldocs", "CREATE DOMAIN doc AS xml CHECK (VALUE IS DOCUMENT)",
                "CREATE DOMAIN note AS doc",
                "CREATE TABLE docs (id int, body xml, d doc, n note, bodies xml[])",
                "INSERT INTO docs VALUES (1, '<?xml version=\"1.0\"?><a>ä</a>', '<?xml version=\"1.0\"?>\n<b/>', "
                        + "'<?xml version=\"1.0\" standalone=\"yes\"?><c/>', ARRAY['<x/>'::xml]), "
                        + "(2, 'plain <i>content</i>', NULL, NULL, NULL), (3, NULL, NULL, NULL, NULL)");
        try (Connection s = source96.connect("xmldocs")) {
            assertThat(CopyFormat.choose(s, oid(s, "docs"))).isEqualTo(CopyFormat.TEXT);
        }

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source96, "xmldocs"), "--target", Cli.conn(target, "xmldocs"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection t = target.connect("xmldocs");
             var rs = t.createStatement().executeQuery("SELECT body::text, d::text, n::text FROM docs WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("<?xml version=\"1.0\"?><a>ä</a>");
            assertThat(rs.getString(2)).isEqualTo("<?xml version=\"1.0\"?>\n<b/>");
            assertThat(rs.getString(3)).isEqualTo("<?xml version=\"1.0\" standalone=\"yes\"?><c/>");
        }
        try (Connection s = source96.connect("xmldocs"); Connection t = target.connect("xmldocs")) {
            assertThat(DatabaseSnapshot.of(t).tables()).isEqualTo(DatabaseSnapshot.of(s).tables());
        }
    }

    private static void copyAndCompare(PostgresServer source, List<Sample> samples) throws Exception {
        source.createDatabase("types");
        source.execute("types", "CREATE TABLE binary_path (" + columns(samples) + ")",
                "CREATE TABLE text_path (kind regtype, " + columns(samples) + ")",
                "INSERT INTO binary_path DEFAULT VALUES",
                "INSERT INTO text_path DEFAULT VALUES");
        int rows = samples.stream().mapToInt(s -> s.values().length).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            List<String> values = new ArrayList<>();
            for (Sample s : samples) {
                values.add(r < s.values().length ? "(" + s.values()[r] + ")::" + s.type() : "NULL");
            }
            source.execute("types", "INSERT INTO binary_path VALUES (" + String.join(", ", values) + ")",
                    "INSERT INTO text_path VALUES ('integer', " + String.join(", ", values) + ")");
        }
        try (Connection s = source.connect("types")) {
            assertThat(CopyFormat.choose(s, oid(s, "binary_path"))).isEqualTo(CopyFormat.BINARY);
            assertThat(CopyFormat.choose(s, oid(s, "text_path"))).isEqualTo(CopyFormat.TEXT);
        }
        String db = "types_from_" + source.majorVersion().replace('.', '_');

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "types"), "--target", Cli.conn(target, db));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection s = source.connect("types"); Connection t = target.connect(db)) {
            DatabaseSnapshot expected = DatabaseSnapshot.of(s);
            assertThat(DatabaseSnapshot.of(t).tables()).isEqualTo(expected.tables());
            assertThat(expected.tables().get("public.binary_path").rows()).isEqualTo(rows + 1);
        }
    }

    private static String columns(List<Sample> samples) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            columns.add("c" + i + " " + samples.get(i).type());
        }
        return String.join(", ", columns);
    }

    private static long oid(Connection c, String table) throws Exception {
        var rs = c.createStatement().executeQuery("SELECT '" + table + "'::regclass::oid");
        rs.next();
        return rs.getLong(1);
    }
}
