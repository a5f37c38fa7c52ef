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
    private static final Path README = Path.of("README.md");
    private static final String ROOT = "(root)";

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
            assertThat(graph.getOrDefault(leaf, Set.of())).as(leaf).isSubsetOf(Set.of(ROOT));
        }
    }

    @Test
    void theReadmeLayoutNamesEveryImportBetweenPackagesAndNoOther() throws IOException {
        Map<String, Set<String>> graph = graph();
        Map<String, Set<String>> stated = readmeLayout().uses();

        Set<String> missing = new TreeSet<>(edges(graph));
        missing.removeAll(edges(stated));
        Set<String> extra = new TreeSet<>(edges(stated));
        extra.removeAll(edges(graph));
        Set<String> unlisted = new TreeSet<>(graph.keySet());
        unlisted.removeAll(stated.keySet());
        Set<String> gone = new TreeSet<>(stated.keySet());
        gone.removeAll(graph.keySet());

        assertThat(missing.isEmpty() && extra.isEmpty() && unlisted.isEmpty() && gone.isEmpty())
                .as("README.md's Layout block against the code: missing edges %s; extra edges %s;"
                        + " packages it does not list %s; packages it lists that do not exist %s",
                        missing, extra, display(unlisted), display(gone))
                .isTrue();
    }

    @Test
    void theReadmeLayoutListsEveryPackageAboveThePackagesItUses() throws IOException {
        Map<String, Set<String>> graph = graph();
        Map<String, Integer> line = readmeLayout().line();

        Set<String> upward = new TreeSet<>();
        graph.forEach((from, uses) -> {
            for (String to : uses) {
                if (line.containsKey(from) && line.containsKey(to) && line.get(to) <= line.get(from)) {
                    upward.add(display(from) + " -> " + display(to));
                }
            }
        });

        assertThat(upward).as("uses of a package on the same line of README.md's Layout block or above it").isEmpty();
    }

    /** What README.md's Layout block states: each package to the packages it uses, and the line it is on. */
    record Layout(Map<String, Set<String>> uses, Map<String, Integer> line) {
    }

    /**
     * Reads the fenced block of README.md's Layout section: one line per package or group of packages,
     * {@code cli -> every package below}, {@code run -> analyze roles ...}, {@code connect, sql -> io.pgshift only},
     * {@code object -> none}. The sentence before it names the packages that do not use io.pgshift ("all but
     * `object`, ... also use `io.pgshift`"); every other package uses it without saying so on its line.
     */
    static Layout readmeLayout() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Layout\n");
        assertThat(start).as("README.md has a '## Layout' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        int open = section.indexOf("```");
        int close = section.indexOf("```", open + 3);
        assertThat(open).as("README.md's Layout section has a fenced block").isNotNegative();
        assertThat(close).as("README.md's Layout block is closed").isGreaterThan(open);

        Matcher sentence = Pattern.compile("all but (.+?) also use `io\\.pgshift`")
                .matcher(section.substring(0, open).replaceAll("\\s+", " "));
        assertThat(sentence.find()).as("README.md's Layout section says which packages do not use io.pgshift").isTrue();
        Set<String> withoutRoot = new TreeSet<>();
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(sentence.group(1));
        while (quoted.find()) {
            withoutRoot.add(pkg(quoted.group(1)));
        }

        List<List<String>> lefts = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        for (String text : section.substring(section.indexOf('\n', open) + 1, close).split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            String[] sides = text.split("->");
            assertThat(sides).as("a line of README.md's Layout block with one '->': %s", text).hasSize(2);
            lefts.add(words(sides[0]).stream().map(PackageCyclesTest::pkg).toList());
            rights.add(sides[1].trim());
        }

        Map<String, Set<String>> uses = new TreeMap<>();
        Map<String, Integer> line = new HashMap<>();
        for (int i = 0; i < lefts.size(); i++) {
            String right = rights.get(i);
            Set<String> used = new TreeSet<>();
            if (right.startsWith("every package below")) {
                for (List<String> below : lefts.subList(i + 1, lefts.size())) {
                    used.addAll(below);
                }
                String but = right.substring("every package below".length()).trim();
                if (!but.isEmpty()) {
                    assertThat(but).as("what follows 'every package below' in README.md's Layout block").startsWith("but ");
                    words(but.substring(4)).forEach(p -> used.remove(pkg(p)));
                }
            } else if (right.equals("io.pgshift only")) {
                used.add(ROOT);
            } else if (!right.equals("none")) {
                words(right).forEach(p -> used.add(pkg(p)));
            }
            for (String from : lefts.get(i)) {
                Set<String> own = new TreeSet<>(used);
                if (!right.equals("none") && !from.equals(ROOT) && !withoutRoot.contains(from)) {
                    own.add(ROOT);
                }
                own.remove(from);
                assertThat(uses.put(from, own)).as("%s on one line only of README.md's Layout block", display(from)).isNull();
                line.put(from, i);
            }
        }
        return new Layout(uses, line);
    }

    /** The words of a list separated by spaces, commas or "and", backticks dropped. */
    private static List<String> words(String list) {
        return Stream.of(list.replace("`", "").split("[\\s,]+"))
                .filter(w -> !w.isEmpty() && !w.equals("and"))
                .toList();
    }

    /** A package as the graph names it: io.pgshift itself is "(root)". */
    private static String pkg(String name) {
        return name.equals("io.pgshift") ? ROOT : name;
    }

    private static String display(String pkg) {
        return pkg.equals(ROOT) ? "io.pgshift" : pkg;
    }

    private static Set<String> display(Set<String> pkgs) {
        Set<String> shown = new TreeSet<>();
        pkgs.forEach(p -> shown.add(display(p)));
        return shown;
    }

    private static Set<String> edges(Map<String, Set<String>> graph) {
        Set<String> edges = new TreeSet<>();
        graph.forEach((from, uses) -> uses.forEach(to -> edges.add(display(from) + " -> " + display(to))));
        return edges;
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
            return ROOT;
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
