package io.pgshift.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the JSON and the HTML report show of one run of a command, finished, failed or interrupted.
 *
 * @param error    why the run failed, in one line, or null
 * @param source   the source as a connection description (user@host:port/db), never with a password; or a path
 * @param target   the target, likewise
 * @param timeline every phase, item and step, in the order they ended
 */
public record RunReport(String command, boolean succeeded, int exitCode, String error, Instant started,
                        Instant ended, String source, String target, List<Span> timeline, List<Sample> throughput,
                        Contents contents) {
    /** The phase label the copies' rows go under ({@code Phase.DATA}). */
    static final String DATA_PHASE = "data";

    public RunReport {
        timeline = List.copyOf(timeline);
        throughput = List.copyOf(throughput);
    }

    public Duration took() {
        return Duration.between(started, ended);
    }

    /** The tables whose rows took longest to move, longest first. */
    public List<Span> slowestTables(int count) {
        return timeline.stream()
                .filter(s -> s.kind().equals(Span.ITEM) && s.phase().equals(DATA_PHASE))
                .sorted(Comparator.comparingDouble(Span::seconds).reversed())
                .limit(count)
                .toList();
    }
}
