package io.pgshift.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the timeline: one per worker, an upgrade's steps first, then each thread that ran phases, then the
 * workers in the order of their numbers. Spans of one row that overlap (they should not, but a row is a name, and
 * two threads may have shared it) go on extra rows under it rather than hide each other.
 */
final class Lanes {
    record Lane(String label, List<Span> spans) {
    }

    private Lanes() {
    }

    static List<Lane> of(List<Span> timeline) {
        Map<String, List<Span>> groups = new LinkedHashMap<>();
        timeline.stream()
                .sorted(Comparator.comparing((Span s) -> kindOrder(s.kind()))
                        .thenComparing(s -> naturalKey(s.worker()))
                        .thenComparingDouble(Span::start))
                .forEach(s -> groups.computeIfAbsent(s.kind() + "\u0000" + s.worker(), k -> new ArrayList<>()).add(s));
        List<Lane> lanes = new ArrayList<>();
        for (List<Span> spans : groups.values()) {
            Span first = spans.get(0);
            String name = first.worker().startsWith("pgshift-") ? first.worker().substring(8) : first.worker();
            String label = first.kind().equals(Span.STEP) ? "steps"
                    : first.kind().equals(Span.PHASE) ? name + " phases" : name;
            List<List<Span>> rows = new ArrayList<>();
            List<Double> ends = new ArrayList<>();
            for (Span s : spans) {
                int row = 0;
                // A millisecond of slack: an item's start is its end minus its time, measured apart.
                while (row < rows.size() && ends.get(row) > s.start() + 0.001) {
                    row++;
                }
                if (row == rows.size()) {
                    rows.add(new ArrayList<>());
                    ends.add(0.0);
                }
                rows.get(row).add(s);
                ends.set(row, Math.max(ends.get(row), s.end()));
            }
            for (int i = 0; i < rows.size(); i++) {
                lanes.add(new Lane(i == 0 ? label : label + " +" + i, rows.get(i)));
            }
        }
        return lanes;
    }

    private static int kindOrder(String kind) {
        return switch (kind) {
            case Span.STEP -> 0;
            case Span.PHASE -> 1;
            default -> 2;
        };
    }

    /** pgshift-worker-2 before pgshift-worker-10: numbers compare by value. */
    static String naturalKey(String name) {
        StringBuilder b = new StringBuilder();
        StringBuilder digits = new StringBuilder();
        for (char c : (name == null ? "" : name).toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
                continue;
            }
            flush(digits, b);
            b.append(c);
        }
        flush(digits, b);
        return b.toString();
    }

    private static void flush(StringBuilder digits, StringBuilder b) {
        if (digits.length() > 0) {
            b.append(String.format(java.util.Locale.ROOT, "%10s", digits).replace(' ', '0'));
            digits.setLength(0);
        }
    }
}
