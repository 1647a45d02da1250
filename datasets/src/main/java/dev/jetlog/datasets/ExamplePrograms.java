// Access to the Datalog programs bundled as classpath resources (tc, sg, cspa).
package dev.jetlog.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example programs shipped in this jar under {@code dev/jetlog/datasets/programs/}:
 * {@code tc} (transitive closure over {@code edge}), {@code sg} (same generation over
 * {@code edge}) and {@code cspa} (context-sensitive points-to over {@code assign} and
 * {@code dereference}).
 */
public final class ExamplePrograms {

    private static final List<String> NAMES = List.of("tc", "sg", "cspa");

    private ExamplePrograms() {
    }

    /** The names of the bundled programs. */
    public static List<String> names() {
        return NAMES;
    }

    /** The Soufflé-dialect source text of the named program. */
    public static String source(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no example program named '" + name + "'; known: "
                    + String.join(", ", NAMES));
        }
        String resource = "programs/" + name + ".dl";
        try (InputStream in = ExamplePrograms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
