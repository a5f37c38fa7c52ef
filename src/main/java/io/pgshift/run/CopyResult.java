package io.pgshift.run;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a copy. It is returned only when every step succeeded; a failure throws instead.
 *
 * @param objects number of objects created, by kind (TABLE, INDEX, VIEW, ...)
 */
public record CopyResult(String source, String target, String sourceVersion, String targetVersion,
                         boolean createdDatabase, Map<String, Integer> objects, List<PhaseResult> phases,
                         List<TableResult> tables, List<String> warnings) {

    public long rows() {
        return tables.stream().mapToLong(TableResult::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(TableResult::bytes).sum();
    }
}
