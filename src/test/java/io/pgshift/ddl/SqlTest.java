package io.pgshift.ddl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.sql.Sql;

class SqlTest {

    @Test
    void plainLowerCaseNamesStayBare() {
        assertThat(Sql.ident("orders")).isEqualTo("orders");
        assertThat(Sql.ident("order_items_2")).isEqualTo("order_items_2");
    }

    @Test
    void mixedCaseSpacesAndUnicodeAreQuoted() {
        assertThat(Sql.ident("Orders")).isEqualTo("\"Orders\"");
        assertThat(Sql.ident("order items")).isEqualTo("\"order items\"");
        assertThat(Sql.ident("straße")).isEqualTo("\"straße\"");
        assertThat(Sql.ident("1st")).isEqualTo("\"1st\"");
    }

    @Test
    void reservedWordsAreQuoted() {
        assertThat(Sql.ident("select")).isEqualTo("\"select\"");
        assertThat(Sql.ident("user")).isEqualTo("\"user\"");
    }

    @Test
    void embeddedDoubleQuotesAreDoubled() {
        assertThat(Sql.ident("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void literalsDoubleSingleQuotesAndKeepBackslashes() {
        assertThat(Sql.literal("it's a\\b")).isEqualTo("'it''s a\\b'");
        assertThat(Sql.literal(null)).isEqualTo("NULL");
    }

    @Test
    void qualifiedNamesQuoteEachPart() {
        assertThat(Sql.qualified("Sales", "orders")).isEqualTo("\"Sales\".orders");
    }

    @Test
    void ifExistsIsTakenOutOfADropButNotOutOfQuotedNames() {
        assertThat(Sql.withoutIfExists("ALTER TABLE IF EXISTS s.\"t IF EXISTS x\" DROP CONSTRAINT IF EXISTS c"))
                .isEqualTo("ALTER TABLE s.\"t IF EXISTS x\" DROP CONSTRAINT c");
        assertThat(Sql.withoutIfExists("DROP FUNCTION IF EXISTS f(text)")).isEqualTo("DROP FUNCTION f(text)");
    }
}
