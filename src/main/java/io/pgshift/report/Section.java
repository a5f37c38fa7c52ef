package io.pgshift.report;

import java.util.List;

/**
 * A table of the HTML page that only some commands have: the settings comparison, check findings, verification
 * results, skipped databases. Cells are plain text; the page escapes them.
 *
 * @param note a sentence under the title, or null
 */
public record Section(String title, String note, List<String> columns, List<List<String>> rows) {
    public Section {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
