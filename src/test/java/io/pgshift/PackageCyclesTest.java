package io.pgshift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages form a line in the order the data flows, with small leaves (quoting, object identity, progress,
 * sessions) that everything may use: no package depends, through others, on a package that depends on it. A
 * package and its subpackages count as one (catalog.types belongs to catalog). The graph is read from the sources'
 * references to io.pgshift classes, imports and qualified names alike.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/pgshift");
    private static final Pattern REFERENCE = Pattern.compile("io\\.pgshift\\.((?:[a-z]\\w*\\.)*)[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = graph();

        List<List<String>> cycles = cycles(graph);

        assertThat(cycles).as("packages that depend on each other in a loop: %s", describe(cycles, graph)).isEmpty();
    }

    @Test
    void theLeavesDependOnNoOtherPackageOfOurs() throws IOException {
        Map<String, Set<String>> graph = graph();

        for (String leaf : List.of("sql", "object", "progress")) {
            assertThat(graph.getOrDefault(leaf, Set.of())).as(leaf).isSubsetOf(Set.of("(root)"));
        }
    }

    /** Each top-level package to the top-level packages its sources refer to. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = topLevel(SOURCES.relativize(file.getParent()).toString().replace('/', '.'));
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String target = topLevel(m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1));
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        }
        return graph;
    }

    private static String topLevel(String pkg) {
        if (pkg.isEmpty()) {
            return "(root)";
        }
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    /** The strongly connected components with more than one package (Tarjan). */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> found = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    private static String describe(List<List<String>> cycles, Map<String, Set<String>> graph) {
        StringBuilder text = new StringBuilder();
        for (List<String> cycle : cycles) {
            for (String from : cycle) {
                for (String to : graph.get(from)) {
                    if (cycle.contains(to)) {
                        text.append(from).append(" -> ").append(to).append("; ");
                    }
                }
            }
        }
        return text.toString();
    }
}
