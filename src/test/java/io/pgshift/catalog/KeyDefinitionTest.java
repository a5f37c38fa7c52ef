package io.pgshift.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDefinitionTest {
    @Test
    void indexParametersAndTablespaceGoBeforeDeferrable() {
        assertThat(ConstraintReader.withIndexParameters("UNIQUE (a) INCLUDE (b) DEFERRABLE INITIALLY DEFERRED", true,
                "fillfactor='60'", "Fast Disk"))
                .isEqualTo("UNIQUE (a) INCLUDE (b) WITH (fillfactor='60') USING INDEX TABLESPACE \"Fast Disk\""
                        + " DEFERRABLE INITIALLY DEFERRED");
    }

    @Test
    void aColumnNamedDeferrableIsNotMistakenForTheClause() {
        assertThat(ConstraintReader.withIndexParameters("PRIMARY KEY (\"x DEFERRABLE\")", false, "fillfactor='80'",
                null)).isEqualTo("PRIMARY KEY (\"x DEFERRABLE\") WITH (fillfactor='80')");
    }

    @Test
    void aKeyWithoutParametersIsLeftAsItIs() {
        assertThat(ConstraintReader.withIndexParameters("PRIMARY KEY (id)", false, null, null))
                .isEqualTo("PRIMARY KEY (id)");
    }
}
