package io.pgshift.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.catalog.ServerVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.pgshift.catalog.ParameterHistory;
import io.pgshift.catalog.ParameterChange;

class ParameterHistoryTest {
    private final ParameterHistory history = ParameterHistory.builtIn();

    @Test
    void everyVersionFrom10To18HasItsFile() {
        assertThat(history.all()).extracting(ParameterChange::version).containsAll(List.of(10, 11, 12, 13, 14, 15, 16,
                17, 18));
    }

    @Test
    void theIssuesExamplesAreRecordedWithTheirVersionsAndReplacements() {
        assertThat(history.retirement("wal_keep_segments")).hasValueSatisfying(c -> {
            assertThat(c.version()).isEqualTo(13);
            assertThat(c.replacement()).isEqualTo("wal_keep_size");
        });
        assertThat(history.retirement("vacuum_defer_cleanup_age").map(ParameterChange::version)).contains(16);
        assertThat(history.retirement("force_parallel_mode").map(ParameterChange::replacement))
                .contains("debug_parallel_query");
        assertThat(history.retirement("old_snapshot_threshold").map(ParameterChange::version)).contains(17);
        assertThat(history.retirement("work_mem")).isEmpty();
    }

    @Test
    void betweenTwoVersionsMeansAfterTheSourceUpToAndIncludingTheTarget() {
        List<ParameterChange> changes = history.between(new ServerVersion(120022), new ServerVersion(170005));

        assertThat(changes).extracting(ParameterChange::version).allMatch(v -> v >= 13 && v <= 17);
        assertThat(changes).extracting(ParameterChange::name).contains("wal_keep_segments", "transaction_timeout")
                .doesNotContain("default_with_oids", "ssl_groups");
        assertThat(history.between(new ServerVersion(90624), new ServerVersion(100023)))
                .extracting(ParameterChange::name).contains("min_parallel_relation_size");
    }

    @Test
    void noParameterIsAddedOrRetiredTwiceAndEveryReplacementIsAddedInTheSameVersion() {
        Set<String> seen = new HashSet<>();
        for (ParameterChange c : history.all()) {
            if (c.kind() != ParameterChange.Kind.DEFAULT) {
                assertThat(seen.add(c.kind() + " " + c.name())).as(c.toString()).isTrue();
            }
            if (c.kind() == ParameterChange.Kind.RENAMED) {
                assertThat(history.all()).as(c.toString()).anyMatch(a -> a.kind() == ParameterChange.Kind.ADDED
                        && a.name().equals(c.replacement()) && a.version() == c.version());
            }
        }
    }

    @Test
    void aFileForAnotherVersionOrWithARenameWithoutReplacementIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> ParameterHistory.parse(json.readTree("{\"version\": 12, \"changes\": []}"), 13, "f"))
                .hasMessageContaining("expected 13");
        assertThatThrownBy(() -> ParameterHistory.parse(json.readTree(
                "{\"version\": 13, \"changes\": [{\"name\": \"x\", \"change\": \"renamed\"}]}"), 13, "f"))
                .hasMessageContaining("incomplete");
    }
}
