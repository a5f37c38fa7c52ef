package io.pgshift.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The large objects of a database compared on both servers: how many each holds, and every one that differs
 * in presence, owner, comment, privileges, size or contents. Matching objects are only counted, as a database
 * may hold millions.
 */
public record LargeObjectCheck(long sourceCount, long targetCount, long sourceBytes,
                               List<LargeObjectDifference> differences) {

    public boolean matches() {
        return differences.isEmpty();
    }

    static LargeObjectCheck compare(Map<Long, String> sourceDefinitions, Map<Long, LargeObjectContent> sourceContents,
                                    Map<Long, String> targetDefinitions, Map<Long, LargeObjectContent> targetContents) {
        Set<Long> oids = new TreeSet<>(sourceDefinitions.keySet());
        oids.addAll(targetDefinitions.keySet());
        List<LargeObjectDifference> differences = new ArrayList<>();
        for (long oid : oids) {
            String s = sourceDefinitions.get(oid);
            String t = targetDefinitions.get(oid);
            if (s == null || t == null) {
                differences.add(new LargeObjectDifference(oid, s == null ? "only on the target" : "missing on the target",
                        null, null));
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (!s.equals(t)) {
                problems.add("owner, comment or privileges differ");
            }
            LargeObjectContent sc = sourceContents.get(oid);
            LargeObjectContent tc = targetContents.get(oid);
            if (sc != null && !sc.equals(tc)) {
                problems.add(tc == null ? "contents not read on the target"
                        : "contents differ (" + sc.bytes() + " bytes on the source, " + tc.bytes() + " on the target)");
            }
            if (!problems.isEmpty()) {
                differences.add(new LargeObjectDifference(oid, String.join("; ", problems), s.equals(t) ? null : s,
                        s.equals(t) ? null : t));
            }
        }
        long bytes = sourceContents.values().stream().mapToLong(LargeObjectContent::bytes).sum();
        return new LargeObjectCheck(sourceDefinitions.size(), targetDefinitions.size(), bytes, List.copyOf(differences));
    }
}
