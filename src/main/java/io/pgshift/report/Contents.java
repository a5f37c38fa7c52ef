package io.pgshift.report;

import java.util.List;

/**
 * What a command adds to the report beside its timeline.
 *
 * @param result   the command's own result, written into the JSON at the top level (null when it has none, as a
 *                 copy that failed)
 * @param sections tables for the HTML page
 * @param spans    spans the progress events do not give, such as an upgrade's steps
 */
public record Contents(Object result, List<Section> sections, List<Span> spans) {
    public static final Contents NONE = new Contents(null, List.of(), List.of());

    public Contents {
        sections = List.copyOf(sections);
        spans = List.copyOf(spans);
    }

    public static Contents of(Object result, List<Section> sections) {
        return new Contents(result, sections, List.of());
    }
}
