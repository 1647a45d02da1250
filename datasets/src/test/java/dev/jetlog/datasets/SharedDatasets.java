// Finds the shared/ folder beside the checkout (benchmark graphs, analysis inputs, conformance cases).
package dev.jetlog.datasets;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Locates the {@code shared/} folder that sits beside the checkout. It holds {@code DESIGN.md},
 * {@code conformance/generated/case-*}, {@code datasets/graphs/*.tsv},
 * {@code datasets/analysis/<input>/*.facts} and {@code programs/*.dl}. Nothing here requires it to
 * exist: every lookup returns {@link Optional#empty()} when it is absent.
 */
public final class SharedDatasets {

    /** System property naming the shared folder (the build sets it to {@code ../shared}). */
    public static final String PROPERTY = "jetlog.shared";
    /** Environment variable naming the shared folder. */
    public static final String ENV = "JETLOG_SHARED";

    private SharedDatasets() {
    }

    /**
     * The shared folder: the system property {@value #PROPERTY} if it names an existing directory,
     * else the environment variable {@value #ENV} if it does, else the first directory called
     * {@code shared} holding {@code DESIGN.md} found in the working directory or one of its
     * ancestors (so the sibling of the checkout, or of any folder above it).
     */
    public static Optional<Path> locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), Paths.get("").toAbsolutePath());
    }

    static Optional<Path> locate(String property, String env, Path workingDir) {
        for (String candidate : new String[] {property, env}) {
            Optional<Path> dir = existingDirectory(candidate);
            if (dir.isPresent()) {
                return dir;
            }
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared) && Files.isRegularFile(shared.resolve("DESIGN.md"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    /**
     * A benchmark edge list, e.g. {@code graph("OL.cedge")} is
     * {@code shared/datasets/graphs/OL.cedge.tsv}; the {@code .tsv} suffix may be given or not.
     */
    public static Optional<Path> graph(String name) {
        String file = name.endsWith(".tsv") ? name : name + ".tsv";
        return locate().map(s -> s.resolve("datasets").resolve("graphs").resolve(file)).filter(Files::isRegularFile);
    }

    /**
     * The folder of one program-analysis input, e.g. {@code analysisInput("httpd-cspa10k")} is
     * {@code shared/datasets/analysis/httpd-cspa10k/} (holding {@code assign.facts} and
     * {@code dereference.facts}).
     */
    public static Optional<Path> analysisInput(String name) {
        return locate().map(s -> s.resolve("datasets").resolve("analysis").resolve(name)).filter(Files::isDirectory);
    }

    /** The folder holding the conformance cases, {@code shared/conformance/generated/} (one {@code case-*} each). */
    public static Optional<Path> conformanceRoot() {
        return locate().map(s -> s.resolve("conformance").resolve("generated")).filter(Files::isDirectory);
    }

    private static Optional<Path> existingDirectory(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Paths.get(path).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
