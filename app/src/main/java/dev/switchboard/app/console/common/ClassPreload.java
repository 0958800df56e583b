package dev.switchboard.app.console.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads a screen's classes on a background thread before the user first opens it, so that the FX thread does not
 * stop to read and define them then (the import wizard's first opening cost the FX thread some 300 ms of class
 * loading on the benchmark's two cores). Classes are loaded, not initialised: their static state is made where it
 * always was.
 */
public final class ClassPreload {
    private static final Logger LOG = LoggerFactory.getLogger(ClassPreload.class);

    private ClassPreload() {
    }

    /** Loads every class of {@code anchor}'s package (from its jar or class folder); returns how many. */
    public static int packageOf(Class<?> anchor) {
        ClassLoader loader = anchor.getClassLoader();
        String pkg = anchor.getPackageName();
        int loaded = 0;
        for (String name : classNames(anchor, pkg)) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("not preloaded: {} ({})", name, e.toString());
            }
        }
        return loaded;
    }

    private static List<String> classNames(Class<?> anchor, String pkg) {
        List<String> names = new ArrayList<>();
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            return names;
        }
        String folder = pkg.replace('.', '/') + "/";
        try {
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.list(where.resolve(folder))) {
                    files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class"))
                            .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(folder) && n.endsWith(".class")
                                    && n.indexOf('/', folder.length()) < 0)
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("classes of {} not listed: {}", pkg, e.toString());
        }
        return names;
    }
}
