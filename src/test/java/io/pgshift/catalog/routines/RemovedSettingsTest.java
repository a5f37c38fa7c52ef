package io.pgshift.catalog.routines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemovedSettingsTest {
    @Test
    void functionSetClausesAreCheckedAgainstTheSameHistoryAsTheSettingsComparison() {
        assertThat(RemovedSettings.FIRST_MAJOR_WITHOUT).containsEntry("min_parallel_relation_size", 10)
                .containsEntry("sql_inheritance", 10).containsEntry("replacement_sort_tuples", 11)
                .containsEntry("operator_precedence_warning", 14).containsEntry("vacuum_cleanup_index_scale_factor", 14)
                .containsEntry("force_parallel_mode", 16).containsEntry("wal_keep_segments", 13);
    }

    @Test
    void namesTheNewVersionStillAcceptsAreNotRefused() {
        assertThat(RemovedSettings.FIRST_MAJOR_WITHOUT).doesNotContainKeys("ssl_ecdh_curve", "default_with_oids");
    }
}
