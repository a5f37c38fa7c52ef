package io.pgshift.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converter against the server itself: for each type, the same rows copied out in binary and in text from a
 * real PostgreSQL, and the binary turned into exactly the text the server wrote. The session has the settings a
 * replayed script reads values back with: UTC, DateStyle ISO, IntervalStyle postgres, bytea_output hex.
 */
class BinaryCopyTextIT {
    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("17");

    /** A column type, as pg_type names it and as SQL spells it, with values; NULL is added to each. */
    private record Sample(String name, String type, String... values) {
    }

    private static final String TEXT = "E'tab\\there, newline\\n, cr\\r, backslash \\\\, quote \" '' {a,b} NULL'";

    private static final List<Sample> SAMPLES = List.of(
            new Sample("bool", "boolean", "true", "false"),
            new Sample("int2", "smallint", "-32768", "32767", "0"),
            new Sample("int4", "integer", "-2147483648", "2147483647"),
            new Sample("int8", "bigint", "-9223372036854775808", "9223372036854775807"),
            new Sample("oid", "oid", "4294967295", "0"),
            new Sample("float4", "real", "'NaN'", "'Infinity'", "'-Infinity'", "'1.17549435e-38'", "'0.1'", "'-0'",
                    "'123456'", "'1234567'", "'0.0001'", "'0.00001'", "'3.4028235e38'", "'1e-45'", "'16777217'",
                    "'-2.5e-7'"),
            new Sample("float8", "double precision", "'NaN'", "'Infinity'", "'-Infinity'", "'1e-300'", "'0.1'", "'-0'",
                    "'123456789012345'", "'1234567890123456'", "'0.0001'", "'0.00001'", "'1.7976931348623157e308'",
                    "'4.9e-324'", "'9007199254740993'", "'1e22'", "'2.5'", "'100'", "'-1.2345678901234567e-100'"),
            new Sample("numeric", "numeric", "'NaN'", "'Infinity'", "'-Infinity'", "0", "0.000000000000000000001",
                    "-12345678901234567890.123456789", "-0.00010", "100000000", "1e-30", "-99999999999999999999999"),
            new Sample("numeric", "numeric(10,3)", "3.142", "-0.5", "0"),
            new Sample("text", "text", TEXT, "''", "'ünïcødé ✓'", "E'\\\\x41'"),
            new Sample("varchar", "character varying(40)", "'short'", TEXT),
            new Sample("bpchar", "character(5)", "'ab'", "'a\tb'"),
            new Sample("name", "name", "'a name'", "'x\\\\y'"),
            new Sample("bytea", "bytea", "'\\x00ff10'", "''", "'\\x5c0a09'"),
            new Sample("date", "date", "'2024-02-29'", "'infinity'", "'-infinity'", "'4713-01-01 BC'",
                    "'1999-12-31'", "'0001-01-01'", "'0001-12-31 BC'", "'12345-06-07'"),
            new Sample("time", "time", "'23:59:59.999999'", "'00:00:00'", "'24:00:00'", "'12:30:00.5'"),
            new Sample("timetz", "time with time zone", "'12:00:00+05:30'", "'00:00:01-08'",
                    "'23:59:59.25+14'", "'10:00:00+00'", "'10:00:00-00:00:30'"),
            new Sample("timestamp", "timestamp", "'2000-01-01 00:00:00'", "'-infinity'", "'infinity'",
                    "'1899-12-31 23:59:59.000001'", "'1970-01-01 00:00:00'", "'0044-03-15 12:00:00 BC'",
                    "'294276-12-31 23:59:59'"),
            new Sample("timestamptz", "timestamp with time zone", "'1999-12-31 23:59:59.5+14'", "'infinity'",
                    "'-infinity'", "'1850-06-01 00:00:00+00'", "'2024-07-01 12:00:00-07'",
                    "'0100-01-01 00:00:00+00 BC'"),
            new Sample("interval", "interval", "'1 year 2 mons 3 days 04:05:06.789'", "'-1 day'", "'0'",
                    "'-1 year -2 mons +3 days -04:05:06'", "'1 day -00:00:01'", "'-00:00:00.5'", "'13 mons'",
                    "'-1 mon 1 day'", "'100 hours'", "'infinity'", "'-infinity'", "'1 year -1 day'"),
            new Sample("uuid", "uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'00000000-0000-0000-0000-000000000000'"),
            new Sample("json", "json", "'{\"a\": [1, 2.50, \"x\\ty\"]}'", "'  \"spaced\" '"),
            new Sample("jsonb", "jsonb", "'{\"b\": [1, 2.50, \"x\\\\ty\"], \"a\": null}'", "'\"ü\"'", "'[]'"),
            new Sample("inet", "inet", "'192.168.0.1/24'", "'10.1.2.3'", "'::1'", "'::'", "'2001:db8::1:0:0:1'",
                    "'::ffff:1.2.3.4'", "'::1.2.3.4'", "'fe80::1/64'", "'1:0:0:2::'", "'1:2:3:4:5:6:7:8'",
                    "'0:0:1::'", "'1:0:2:0:3:0:0:4/127'"),
            new Sample("cidr", "cidr", "'10.0.0.0/8'", "'192.168.1.0/24'", "'2001:db8::/32'", "'1.2.3.4/32'",
                    "'::/0'"),
            new Sample("macaddr", "macaddr", "'08:00:2b:01:02:03'", "'ff:ff:ff:ff:ff:ff'"),
            new Sample("macaddr8", "macaddr8", "'08:00:2b:01:02:03:04:05'"));

    @BeforeAll
    static void database() {
        server.createDatabase("types");
    }

    @Test
    void everyScalarTypeConvertsToExactlyTheServersTextCopy() throws Exception {
        try (Connection c = session()) {
            for (Sample sample : SAMPLES) {
                String values = "(" + String.join("), (", sample.values()) + "), (NULL)";
                String query = "SELECT v::" + sample.type() + " FROM (VALUES " + values + ") AS s(v)";
                assertConverts(c, query, List.of(sample.name()));
            }
        }
    }

    @Test
    void arraysOfEveryTypeConvertWithTheirNullsEmptinessAndBounds() throws Exception {
        try (Connection c = session()) {
            for (Sample sample : SAMPLES) {
                String elements = String.join(", ", sample.values());
                String query = "SELECT * FROM (VALUES (ARRAY[" + elements + "]::" + sample.type() + "[]), "
                        + "(ARRAY[NULL, " + elements + ", NULL]::" + sample.type() + "[]), "
                        + "('{}'::" + sample.type() + "[]), (ARRAY[NULL]::" + sample.type() + "[]), "
                        + "(NULL::" + sample.type() + "[])) AS s(v)";
                assertConverts(c, query, List.of("_" + sample.name()));
            }
            assertConverts(c, "SELECT '[0:2]={1,2,3}'::int4[] UNION ALL SELECT '{{1,2},{3,NULL}}'::int4[] "
                    + "UNION ALL SELECT '{}'::int4[]", List.of("_int4"));
            assertConverts(c, "SELECT '[-1:0][3:4]={{a,\"b c\"},{\"\",null}}'::text[]", List.of("_text"));
        }
    }

    @Test
    void rowsOfSeveralColumnsKeepTheirColumnsApart() throws Exception {
        try (Connection c = session()) {
            assertConverts(c, "SELECT i, 'row ' || i || E'\\t' AS t, NULL::numeric AS n, i::float8 / 3 AS f "
                    + "FROM pg_catalog.generate_series(1, 1000) i", List.of("int4", "text", "numeric", "float8"));
        }
    }

    private static Connection session() throws Exception {
        Connection c = server.connect("types");
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET DateStyle = 'ISO, MDY'");
            st.execute("SET IntervalStyle = 'postgres'");
            st.execute("SET bytea_output = 'hex'");
            st.execute("SET extra_float_digits = 1");
        }
        return c;
    }

    private static void assertConverts(Connection c, String query, List<String> types) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long rows = copy.copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT binary)", binary);
        copy.copyOut("COPY (" + query + ") TO STDOUT", text);

        ByteArrayOutputStream converted = new ByteArrayOutputStream();
        long convertedRows = BinaryCopyText.forTypes(types)
                .convert(new ByteArrayInputStream(binary.toByteArray()), converted);

        assertThat(converted.toString(StandardCharsets.UTF_8)).as(query)
                .isEqualTo(text.toString(StandardCharsets.UTF_8));
        assertThat(convertedRows).isEqualTo(rows);
    }
}
