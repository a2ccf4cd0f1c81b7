package dev.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The few file-tree operations the server set-ups need. */
public final class Dirs {

    private Dirs() {
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    /** Copies {@code from} to {@code to}, leaving out what {@code skip} matches (paths relative to {@code from}). */
    public static void copy(Path from, Path to, Predicate<Path> skip) {
        tree(from, to, skip, false);
    }

    /**
     * Like {@link #copy}, but files become hard links (copies where links are not possible): a node's Keycloak home
     * costs no disk space, and nothing a node writes at run time lands in a linked file (it writes under data/).
     */
    public static void link(Path from, Path to, Predicate<Path> skip) {
        tree(from, to, skip, true);
    }

    private static void tree(Path from, Path to, Predicate<Path> skip, boolean link) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                if (!relative.toString().isEmpty() && skip.test(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (link) {
                    try {
                        Files.createLink(target, source);
                    } catch (IOException | UnsupportedOperationException notLinkable) {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }
}
