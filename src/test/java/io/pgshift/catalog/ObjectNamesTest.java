package io.pgshift.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's names for unnamed objects, as PostgreSQL 18 printed them for the same inputs. */
class ObjectNamesTest {
    private static final String LONG_TABLE = "a_table_name_long_enough_that_its_sequence_name_is_truncated_x";

    @Test
    void namesThatFitAreJoinedWithTheLabel() {
        assertThat(ObjectNames.implicit("orders", "id", "seq")).isEqualTo("orders_id_seq");
        assertThat(Column.NotNull.defaultName("orders", "id")).isEqualTo("orders_id_not_null");
    }

    @Test
    void theLongerNameIsShortenedUntilTheWholeFitsIn63Bytes() {
        assertThat(ObjectNames.implicit(LONG_TABLE, "id", "seq"))
                .isEqualTo("a_table_name_long_enough_that_its_sequence_name_is_trunc_id_seq");
        assertThat(Column.NotNull.defaultName(LONG_TABLE, "id"))
                .isEqualTo("a_table_name_long_enough_that_its_sequence_name_is__id_not_null");
    }

    @Test
    void aNameIsNeverCutInsideACharacter() {
        String name = ObjectNames.implicit("é".repeat(40), "id", "seq");

        assertThat(name).isEqualTo("é".repeat(28) + "_id_seq");
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    }
}
