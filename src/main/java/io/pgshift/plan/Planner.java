package io.pgshift.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ObjectRef;

/**
 * Orders entries by their dependencies (a topological sort), section by section. An entry that depends on
 * something of a later section moves to that section: a view that relies on a primary key for its
 * GROUP BY can only be created once the key exists.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan order(List<Entry> entries) {
        List<Entry> placed = raiseSections(entries);
        Map<ObjectRef, List<Integer>> byRef = indexByRef(placed);
        int n = placed.size();
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (ObjectRef ref : placed.get(i).dependsOn()) {
                for (int j : byRef.getOrDefault(ref, List.of())) {
                    if (j != i) {
                        dependents.get(j).add(i);
                        pending[i]++;
                    }
                }
            }
        }
        // Ready entries leave in section order, then in the order they were written, so plans are stable:
        // the key of entry i is its section's rank times n plus i, and the entry is the key modulo n.
        ReadyKeys ready = new ReadyKeys(n);
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(key(placed, i));
            }
        }
        List<Entry> sorted = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = (int) (ready.poll() % n);
            sorted.add(placed.get(i));
            for (int d : dependents.get(i)) {
                if (--pending[d] == 0) {
                    ready.add(key(placed, d));
                }
            }
        }
        if (sorted.size() < n) {
            String cycle = IntStream.range(0, n).filter(i -> pending[i] > 0)
                    .mapToObj(i -> placed.get(i).toString()).limit(10).collect(Collectors.joining(", "));
            throw new PgShiftException(ErrorCode.INTERNAL, "circular dependency between: " + cycle);
        }
        return new Plan(sorted);
    }

    private static long key(List<Entry> placed, int i) {
        return (long) placed.get(i).section().ordinal() * placed.size() + i;
    }

    /**
     * A binary min-heap of longs. A PriorityQueue of boxed indexes with a comparator was half of planning a
     * 10,000-table schema.
     */
    private static final class ReadyKeys {
        private long[] heap;
        private int size;

        ReadyKeys(int capacity) {
            heap = new long[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(long key) {
            if (size == heap.length) {
                heap = java.util.Arrays.copyOf(heap, size * 2);
            }
            int i = size++;
            while (i > 0 && heap[(i - 1) / 2] > key) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heap[i] = key;
        }

        long poll() {
            long top = heap[0];
            long last = heap[--size];
            int i = 0;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }

    private static Map<ObjectRef, List<Integer>> indexByRef(List<Entry> entries) {
        Map<ObjectRef, List<Integer>> byRef = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byRef.computeIfAbsent(entries.get(i).ref(), k -> new ArrayList<>()).add(i);
        }
        return byRef;
    }

    /** Moves each entry to the latest section among its own and its dependencies', transitively. */
    private static List<Entry> raiseSections(List<Entry> entries) {
        Map<ObjectRef, Section> sectionOf = new LinkedHashMap<>();
        for (Entry e : entries) {
            sectionOf.merge(e.ref(), e.section(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        List<Entry> result = new ArrayList<>(entries);
        boolean changed = true;
        for (int round = 0; changed && round <= entries.size(); round++) {
            changed = false;
            for (int i = 0; i < result.size(); i++) {
                Entry e = result.get(i);
                Section needed = e.section();
                for (ObjectRef ref : e.dependsOn()) {
                    Section s = sectionOf.get(ref);
                    if (s != null && !ref.equals(e.ref()) && s.compareTo(needed) > 0) {
                        needed = s;
                    }
                }
                if (needed != e.section()) {
                    result.set(i, e.withSection(needed));
                    sectionOf.merge(e.ref(), needed, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    changed = true;
                }
            }
        }
        return result;
    }
}
