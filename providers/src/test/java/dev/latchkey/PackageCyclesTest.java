package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No package cycles among Latchkey's packages: the dependencies the JDK's {@code jdeps} reads from the compiled
 * classes, with every group of packages that depend on each other (a strongly connected component) named.
 * By hand: {@code jdeps -verbose:package -filter:none -e 'dev\.latchkey\..*' providers/target/classes}.
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.latchkey\\S*)\\s+->\\s+(dev\\.latchkey\\S*)\\s");

    @Test
    @DisplayName("Given the compiled classes, then no two Latchkey packages depend on each other, directly or around")
    void noCycles() {
        Path classes = Path.of("target", "classes");
        assertThat(classes).isDirectory();
        Map<String, Set<String>> graph = dependencies(classes);
        assertThat(graph).as("packages jdeps found").isNotEmpty();

        assertThat(cycles(graph)).isEmpty();
    }

    private static Map<String, Set<String>> dependencies(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                "-filter:none", "-e", "dev\\.latchkey\\..*", classes.toString());
        assertThat(status).as("jdeps exit status").isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), from -> new TreeSet<>()).add(edge.group(2));
                graph.computeIfAbsent(edge.group(2), to -> new TreeSet<>());
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components of more than one package, each as "a -> b, b -> a". */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<String> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.get(node)) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                List<String> edges = new ArrayList<>();
                for (String from : component) {
                    for (String to : graph.get(from)) {
                        if (component.contains(to)) {
                            edges.add(from + " -> " + to);
                        }
                    }
                }
                found.add(String.join(", ", edges));
            }
        }
    }
}
