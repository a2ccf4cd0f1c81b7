package dev.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** What every test server's Keycloak home gets before it starts: the built jars and the demo realm to import. */
public final class KeycloakHome {

    private KeycloakHome() {
    }

    /**
     * Makes the jars in {@code home/providers} exactly the built ones. Unchanged jars are left alone: a changed
     * providers/ makes Keycloak rebuild itself at start, which takes half a minute.
     */
    public static void installProviders(Path builtDir, Path home) {
        List<Path> built = jars(builtDir);
        try {
            Path providers = Files.createDirectories(home.resolve("providers"));
            for (Path old : jarsIn(providers)) {
                if (built.stream().noneMatch(jar -> jar.getFileName().equals(old.getFileName()))) {
                    Files.delete(old);
                }
            }
            for (Path jar : built) {
                Path target = providers.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the providers into " + home, e);
        }
    }

    /** Data of earlier runs goes; the realm file is put into data/import/ for {@code --import-realm}. */
    public static void resetData(Path home, Path realmFile) {
        Dirs.delete(home.resolve("data"));
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve("realm-export.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the realm import in " + home, e);
        }
    }

    /** The built latchkey jars, sorted; there must be at least one. */
    public static List<Path> jars(Path builtDir) {
        try {
            List<Path> jars = jarsIn(builtDir);
            if (jars.isEmpty()) {
                throw new IllegalStateException("No latchkey jar in " + builtDir);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + builtDir, e);
        }
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
