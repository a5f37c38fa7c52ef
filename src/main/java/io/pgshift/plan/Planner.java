package io.pgshift.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Section;

/**
 * Orders entries by their dependencies (a topological sort), section by section. An entry that depends on
 * something of a later section moves to that section: a view that relies on a primary key for its
 * GROUP BY can only be created once the key exists.
 * <p>
 * When the dependencies form a loop, the loop is broken as pg_dump breaks its loops: one entry of the loop that
 * can be created in two steps ({@link Split}) is, and the sort starts again. A loop that no split breaks is
 * reported, naming its objects, before anything is written.
 */
public final class Planner {
    /** Objects named in a loop's message; the rest are counted, so the message stays one readable line. */
    private static final int NAMED = 8;

    private Planner() {
    }

    public static Plan order(List<Entry> entries) {
        List<Entry> current = entries;
        while (true) {
            Graph graph = new Graph(raiseSections(current));
            List<Entry> sorted = graph.sort();
            if (sorted.size() == current.size()) {
                return new Plan(sorted.stream().map(e -> e.split() == null ? e : e.withSplit(null)).toList());
            }
            current = breakLoops(graph.entries, graph.loops());
        }
    }

    /**
     * Splits one entry of each loop, the one whose split leaves the fewest of its loop's objects to wait for.
     * A loop that no split helps is an error.
     */
    private static List<Entry> breakLoops(List<Entry> entries, List<List<Integer>> loops) {
        Map<Integer, Entry> replaced = new HashMap<>();
        for (List<Integer> loop : loops) {
            Set<ObjectRef> members = loop.stream().map(i -> entries.get(i).ref()).collect(Collectors.toSet());
            int best = -1;
            long bestLeft = Long.MAX_VALUE;
            for (int i : loop) {
                Entry e = entries.get(i);
                if (e.split() == null) {
                    continue;
                }
                long before = e.dependsOn().stream().filter(members::contains).count();
                long after = e.split().dependsOn().stream().filter(members::contains).count();
                if (after < before && after < bestLeft) {
                    best = i;
                    bestLeft = after;
                }
            }
            if (best < 0) {
                throw loopError(entries, loop);
            }
            replaced.put(best, entries.get(best));
        }
        List<Entry> result = new ArrayList<>(entries.size() + replaced.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = replaced.get(i);
            if (e == null) {
                result.add(entries.get(i));
            } else {
                result.add(e.splitFirst());
                result.addAll(e.split().later());
            }
        }
        return result;
    }

    private static PgShiftException loopError(List<Entry> entries, List<Integer> loop) {
        String names = loop.stream().limit(NAMED).map(i -> entries.get(i).toString())
                .collect(Collectors.joining(", "));
        if (loop.size() > NAMED) {
            names += " and " + (loop.size() - NAMED) + " more";
        }
        boolean one = loop.size() == 1;
        String what = one ? names + " depends on itself" : "these objects depend on each other in a loop: " + names;
        return new PgShiftException(ErrorCode.DEPENDENCY_LOOP, what + "; no order can create "
                + (one ? "it" : "them") + ", and pg_dump cannot recreate " + (one ? "it" : "them")
                + " either. Nothing was written: leave " + (one ? "it" : "one of them")
                + " out (-T, -N) or change it on the source");
    }

    /** The entries with their dependency edges, as indexes. */
    private static final class Graph {
        final List<Entry> entries;
        final List<List<Integer>> dependents;
        final int[] pending;
        final boolean[] placed;

        Graph(List<Entry> entries) {
            this.entries = entries;
            int n = entries.size();
            Map<ObjectRef, List<Integer>> byRef = indexByRef(entries);
            pending = new int[n];
            placed = new boolean[n];
            dependents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dependents.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                Entry e = entries.get(i);
                for (ObjectRef ref : e.dependsOn()) {
                    for (int j : byRef.getOrDefault(ref, List.of())) {
                        // An entry that needs its own ref waits for the others of that ref (a table's other
                        // entries), and for itself only when no other entry makes the ref: then it is a loop.
                        if (j != i || byRef.get(ref).size() == 1) {
                            dependents.get(j).add(i);
                            pending[i]++;
                        }
                    }
                }
            }
        }

        /**
         * The entries in an order that satisfies every edge, as far as one exists. Ready entries leave in section
         * order, then in the order they were written, so plans are stable: the key of entry i is its section's
         * rank times n plus i, and the entry is the key modulo n.
         */
        List<Entry> sort() {
            int n = entries.size();
            int[] left = pending.clone();
            ReadyKeys ready = new ReadyKeys(n);
            for (int i = 0; i < n; i++) {
                if (left[i] == 0) {
                    ready.add(key(i));
                }
            }
            List<Entry> sorted = new ArrayList<>(n);
            while (!ready.isEmpty()) {
                int i = (int) (ready.poll() % n);
                placed[i] = true;
                sorted.add(entries.get(i));
                for (int d : dependents.get(i)) {
                    if (--left[d] == 0) {
                        ready.add(key(d));
                    }
                }
            }
            return sorted;
        }

        private long key(int i) {
            return (long) entries.get(i).section().ordinal() * entries.size() + i;
        }

        /**
         * The loops among the entries the sort could not place: their strongly connected components (Tarjan's
         * algorithm, without recursion), those of one entry only when it needs itself. Entries that merely wait
         * for a loop are in none.
         */
        List<List<Integer>> loops() {
            int n = entries.size();
            int[] index = new int[n];
            int[] low = new int[n];
            Arrays.fill(index, -1);
            boolean[] onStack = new boolean[n];
            int[] stack = new int[n];
            int top = 0;
            int counter = 0;
            List<List<Integer>> loops = new ArrayList<>();
            int[] callStack = new int[n];
            int[] nextChild = new int[n];
            for (int root = 0; root < n; root++) {
                if (placed[root] || index[root] >= 0) {
                    continue;
                }
                int depth = 0;
                callStack[depth] = root;
                index[root] = low[root] = counter++;
                stack[top++] = root;
                onStack[root] = true;
                while (depth >= 0) {
                    int v = callStack[depth];
                    List<Integer> next = dependents.get(v);
                    if (nextChild[v] < next.size()) {
                        int w = next.get(nextChild[v]++);
                        if (placed[w]) {
                            continue;
                        }
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[top++] = w;
                            onStack[w] = true;
                            callStack[++depth] = w;
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    if (low[v] == index[v]) {
                        List<Integer> component = new ArrayList<>();
                        int w;
                        do {
                            w = stack[--top];
                            onStack[w] = false;
                            component.add(w);
                        } while (w != v);
                        if (component.size() > 1 || dependents.get(v).contains(v)) {
                            component.sort(null);
                            loops.add(component);
                        }
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callStack[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
            return loops;
        }
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
                heap = Arrays.copyOf(heap, size * 2);
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
