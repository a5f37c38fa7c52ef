package io.pgshift.report;

import java.util.List;

import io.pgshift.run.CopyResult;

/** What a copy adds to its report: its result, its phases and its warnings. */
public final class CopyContents {
    private CopyContents() {
    }

    public static Contents of(CopyResult copy) {
        return Contents.of(copy, List.of(
                new Section("Phases", "PostgreSQL " + copy.sourceVersion() + " to " + copy.targetVersion() + ".",
                        List.of("Phase", "Items", "Rows", "Bytes", "Time"), copy.phases().stream()
                        .map(p -> List.of(p.phase().label(), Html.count(p.items()), Html.count(p.rows()),
                                Html.bytes(p.bytes()), Html.seconds(p.took().toNanos() / 1e9)))
                        .toList()),
                new Section("Warnings", null, List.of("Warning"), copy.warnings().stream().map(List::of).toList())));
    }
}
