package io.pgshift.report;

import java.time.Instant;
import java.util.List;

/** Reports made up for the writers' tests: names that hold markup, a timeline on two workers, a section. */
final class Reports {
    static final String EVIL = "<script>alert('x')</script>&\"";
    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private Reports() {
    }

    static RunReport sample(boolean succeeded) {
        List<Span> timeline = List.of(
                new Span("main", Span.PHASE, "data", "data", 0.0, 4.0, 3000, 3_000_000),
                new Span("pgshift-worker-1", Span.ITEM, "data", "public." + EVIL, 0.1, 3.5, 2000, 2_000_000),
                new Span("pgshift-worker-2", Span.ITEM, "data", "public.small", 0.1, 0.5, 1000, 1_000_000),
                new Span("pgshift-worker-2", Span.ITEM, "indexes and constraints", "INDEX i", 0.7, 0.2, 0, 0));
        List<Sample> samples = List.of(new Sample(0, 0), new Sample(1, 1_000_000), new Sample(2, 2_000_000),
                new Sample(4, 3_000_000));
        Section section = new Section("Check findings " + EVIL, "note " + EVIL, List.of("Severity", "Message"),
                List.of(List.of("WARNING", "database " + EVIL + " is odd")));
        return new RunReport("copy", succeeded, succeeded ? 0 : 9, succeeded ? null : "failed on " + EVIL, START,
                START.plusSeconds(5), "admin@old-" + EVIL + ":5432/app", "admin@new:5432/app", timeline, samples,
                Contents.of(java.util.Map.of("source", "from the result", "objects", 7), List.of(section)));
    }
}
