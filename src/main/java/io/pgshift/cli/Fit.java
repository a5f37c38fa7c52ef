package io.pgshift.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a status line into a terminal's width by leaving out its least needed parts first, and cutting only
 * what still does not fit. The line stays one column short of the width: a line that fills the last column
 * leaves some terminals waiting to wrap, and the next redraw would then start a new line instead of
 * overwriting this one.
 */
final class Fit {
    static final String SEPARATOR = "  ";

    /** A piece of a status line; the higher its rank, the sooner it is left out. Rank 0 is always kept. */
    record Part(String text, int rank) {
    }

    private Fit() {
    }

    static String line(List<Part> parts, int columns) {
        int room = Math.max(1, columns - 1);
        List<Part> kept = new ArrayList<>(parts);
        String line = join(kept);
        while (line.length() > room && kept.stream().anyMatch(p -> p.rank() > 0)) {
            Part least = kept.stream().max((a, b) -> Integer.compare(a.rank(), b.rank())).orElseThrow();
            kept.remove(least);
            line = join(kept);
        }
        return line.length() > room ? line.substring(0, room) : line;
    }

    private static String join(List<Part> parts) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                line.append(i == 1 ? " " : SEPARATOR);
            }
            line.append(parts.get(i).text());
        }
        return line.toString();
    }
}
