package io.pgshift.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** One colour per phase or step, the same in the bars and the legend. */
final class Palette {
    private static final Map<String, String> KNOWN = Map.of(
            "prepare", "#9aa5b1",
            "schema", "#4c78a8",
            "data", "#54a24b",
            "indexes and constraints", "#f58518",
            "analyze", "#b279a2",
            "verify", "#72b7b2");
    private static final String[] OTHERS = {"#e45756", "#eeca3b", "#ff9da6", "#9d755d", "#bab0ac", "#439894",
        "#d67195", "#83bcb6"};

    private final Map<String, String> used = new LinkedHashMap<>();

    String colour(String phase) {
        return used.computeIfAbsent(phase, p -> KNOWN.getOrDefault(p, OTHERS[otherCount() % OTHERS.length]));
    }

    /** Phase names and colours, in the order first used. */
    Map<String, String> used() {
        return used;
    }

    private int otherCount() {
        return (int) used.keySet().stream().filter(p -> !KNOWN.containsKey(p)).count();
    }
}
