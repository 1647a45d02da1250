// Regenerates the bundled example facts (datasets/examples/tc/facts/edge.facts) deterministically.
package dev.jetlog.datasets;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Regenerates {@code examples/tc/facts/edge.facts} from {@link GraphGenerator#random} with fixed
 * arguments. Usage: {@code ExampleDataWriter [examples-dir]}; without an argument it looks for
 * {@code datasets/examples} or {@code examples} under the working directory.
 */
public final class ExampleDataWriter {

    /** Node count of the bundled TC graph. */
    public static final int TC_NODES = 300;
    /** Edge count of the bundled TC graph. */
    public static final int TC_EDGES = 600;
    /** Seed of the bundled TC graph. */
    public static final long TC_SEED = 20240601L;

    private static final List<ColumnType> EDGE = List.of(ColumnType.NUMBER, ColumnType.NUMBER);

    private ExampleDataWriter() {
    }

    /** The edges of the bundled TC example: {@code GraphGenerator.random(300, 600, 20240601L)}. */
    public static IntRows tcEdges() {
        return GraphGenerator.random(TC_NODES, TC_EDGES, TC_SEED);
    }

    /** Writes the TC example facts under {@code examplesDir} and returns the file written. */
    public static Path writeTc(Path examplesDir) throws IOException {
        Path file = examplesDir.resolve("tc").resolve("facts").resolve("edge.facts");
        FactsWriter.write(file, tcEdges(), EDGE, FactsReader.DEFAULT_DELIMITER, null);
        return file;
    }

    public static void main(String[] args) throws IOException {
        Path dir;
        if (args.length > 0) {
            dir = Paths.get(args[0]);
        } else if (Files.isDirectory(Paths.get("datasets", "examples"))) {
            dir = Paths.get("datasets", "examples");
        } else if (Files.isDirectory(Paths.get("examples"))) {
            dir = Paths.get("examples");
        } else {
            System.err.println("usage: ExampleDataWriter [examples-dir] (no datasets/examples or examples here)");
            System.exit(2);
            return;
        }
        Path written = writeTc(dir);
        System.out.println("wrote " + written + " (" + TC_EDGES + " edges)");
    }
}
