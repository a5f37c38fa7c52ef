package io.pgshift.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One sequence's position on both servers. */
public record SequenceCheck(String sequence, SequencePosition source, SequencePosition target) {
    public boolean matches() {
        return source.equals(target);
    }

    /** Every sequence both servers hold; one that only one of them holds is a schema difference. */
    static List<SequenceCheck> compare(Map<String, SequencePosition> source, Map<String, SequencePosition> target) {
        List<SequenceCheck> checks = new ArrayList<>();
        source.forEach((name, position) -> {
            if (target.containsKey(name)) {
                checks.add(new SequenceCheck(name, position, target.get(name)));
            }
        });
        return checks;
    }
}
