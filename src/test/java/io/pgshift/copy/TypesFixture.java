package io.pgshift.copy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torture fixtures for types, collations, conversions and casts: torture/types.sql for every source,
 * plus torture/types-N.sql for features of version N, applied when the source is at least N.
 */
final class TypesFixture {
    static final String DB = "types";
    private static final List<Integer> NEWER_FEATURES = List.of(10, 12, 14, 16, 17);

    private TypesFixture() {
    }

    /** The roles the fixture grants to; roles belong to the server, so each side needs its own. */
    static void createRoles(PostgresServer... servers) {
        for (PostgresServer server : servers) {
            server.execute("postgres", "CREATE ROLE types_owner", "CREATE ROLE \"Types Reader\"");
        }
    }

    static void load(PostgresServer source) throws IOException {
        source.createDatabase(DB);
        source.execute(DB, CopyFrom12To17IT.resource("/torture/types.sql"));
        // 9.6 refuses ADD VALUE in a multi-statement string, so these run one by one. The new labels sort
        // between old ones: their order differs from their oids'.
        source.execute(DB, "ALTER TYPE \"Types & Co\".\"Mood\" ADD VALUE 'meh' BEFORE 'ok'",
                "ALTER TYPE \"Types & Co\".\"Mood\" ADD VALUE 'ecstatic' AFTER 'happy'",
                "INSERT INTO public.\"Diary\" (id, mood, moods) VALUES (4, 'meh', '{ecstatic,meh}')");
        double major = Double.parseDouble(source.majorVersion());
        for (int version : NEWER_FEATURES) {
            if (major >= version) {
                source.execute(DB, CopyFrom12To17IT.resource("/torture/types-" + version + ".sql"));
            }
        }
    }

    /** Every table has the same rows on both sides, and the same relations and constraints exist. */
    static void assertSameContent(PostgresServer source, PostgresServer target) throws SQLException {
        DatabaseSnapshot expected;
        DatabaseSnapshot actual;
        try (Connection s = source.connect(DB); Connection t = target.connect(DB)) {
            expected = DatabaseSnapshot.of(s);
            actual = DatabaseSnapshot.of(t);
        }
        assertThat(expected.tables()).isNotEmpty();
        assertThat(actual.tables()).isEqualTo(expected.tables());
        assertThat(actual.relationKinds()).isEqualTo(expected.relationKinds());
        assertThat(actual.constraintKinds()).isEqualTo(expected.constraintKinds());
    }
}
