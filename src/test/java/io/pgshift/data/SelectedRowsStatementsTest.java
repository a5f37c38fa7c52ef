package io.pgshift.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.object.Rows;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY pair that moves the rows an extension marks for dumping, written from what the catalog read. */
class SelectedRowsStatementsTest {
    @Test
    void theSourceCopyReadsOnlyTheTableItselfThroughTheExtensionsOwnCondition() {
        Rows.Selected rows = new Rows.Selected("ext", "Config", List.of("id", "key value"), "WHERE NOT builtin");

        assertThat(CopyStatements.out(rows))
                .isEqualTo("COPY (SELECT id, \"key value\" FROM ONLY ext.\"Config\" WHERE NOT builtin) TO STDOUT");
        assertThat(CopyStatements.in(rows)).isEqualTo("COPY ext.\"Config\" (id, \"key value\") FROM STDIN");
    }

    @Test
    void withoutAConditionEveryRowIsRead() {
        Rows.Selected rows = new Rows.Selected("public", "settings", List.of("name"), null);

        assertThat(CopyStatements.out(rows)).isEqualTo("COPY (SELECT name FROM ONLY public.settings) TO STDOUT");
    }
}
