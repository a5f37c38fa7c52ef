package io.pgshift.analyze;

import java.time.Duration;
import java.util.List;

/**
 * What an ANALYZE run did. It is returned only when every stage ran over every table; a table that could
 * not be analyzed (not its owner, dropped meanwhile) is a warning, a lost connection a failure.
 *
 * @param stages one per pass over the tables: three with --in-stages, else one
 */
public record AnalyzeResult(List<String> databases, List<StageResult> stages, long tables, Duration took,
                            List<String> warnings) {

    public AnalyzeResult {
        databases = List.copyOf(databases);
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
    }
}
