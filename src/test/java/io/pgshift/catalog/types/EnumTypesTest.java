package io.pgshift.catalog.types;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumTypesTest {
    private static final TypeHeader MOOD = new TypeHeader(16400, "Types & Co", "Mood", "me", null, null);

    @Test
    void labelsAreListedInTheGivenOrderAsStandardConformingLiterals() {
        String sql = EnumTypes.create(MOOD, new String[] {"ok", "it's \"great\"", "back\\slash"});

        assertThat(sql).isEqualTo("CREATE TYPE \"Types & Co\".\"Mood\" AS ENUM (\n    'ok',\n"
                + "    'it''s \"great\"',\n    'back\\slash'\n)");
    }

    @Test
    void anEnumWithoutLabelsIsStillAnEnum() {
        assertThat(EnumTypes.create(MOOD, new String[0])).isEqualTo("CREATE TYPE \"Types & Co\".\"Mood\" AS ENUM ()");
    }
}
