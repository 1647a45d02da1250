// Tests for the bundled programs (classpath resources) and the example data under datasets/examples.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleProgramsTest {

    /** Surefire runs tests in the module directory. */
    private static final Path EXAMPLES = Paths.get("examples");
    private static final List<ColumnType> EDGE = List.of(ColumnType.NUMBER, ColumnType.NUMBER);

    @Test
    void namesAndSources() {
        assertEquals(List.of("tc", "sg", "cspa"), ExamplePrograms.names());
        String tc = ExamplePrograms.source("tc");
        assertTrue(tc.startsWith("//"), "header comment");
        assertTrue(tc.contains(".decl edge(x: number, y: number)"));
        assertTrue(tc.contains(".output path"));
        assertTrue(tc.contains("path(x, z) :- edge(x, y), path(y, z)."));
        String sg = ExamplePrograms.source("sg");
        assertTrue(sg.contains("sg(x, y) :- edge(p, x), edge(p, y), x != y."));
        assertTrue(sg.contains("sg(x, y) :- edge(a, x), sg(a, b), edge(b, y)."));
        String cspa = ExamplePrograms.source("cspa");
        for (String output : List.of("valueFlow", "memoryAlias", "valueAlias")) {
            assertTrue(cspa.contains(".output " + output), output);
        }
        assertEquals(10, cspa.lines().filter(l -> l.contains(":-")).count());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplePrograms.source("nope"));
        assertEquals("no example program named 'nope'; known: tc, sg, cspa", e.getMessage());
    }

    @Test
    void bundledProgramsMatchTheResources() throws Exception {
        String tc = ExamplePrograms.source("tc");
        assertEquals(tc.replace(".output path\n", ".output path\n.printsize path\n"),
                Files.readString(EXAMPLES.resolve("tc/tc.dl")));
        assertEquals(ExamplePrograms.source("cspa"), Files.readString(EXAMPLES.resolve("cspa/cspa.dl")));
    }

    @Test
    void tcFactsAreWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        Path committed = EXAMPLES.resolve("tc/facts/edge.facts");
        Path regenerated = ExampleDataWriter.writeTc(tmp);
        assertEquals(Files.readString(regenerated), Files.readString(committed));
        IntRows edges = FactsReader.read(committed, EDGE);
        assertEquals(ExampleDataWriter.TC_EDGES, edges.size());
        for (int v : edges.toArray()) {
            assertTrue(v >= 0 && v < ExampleDataWriter.TC_NODES);
        }
    }

    @Test
    void readmeQuotesTheGeneratorCall() throws Exception {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        assertTrue(readme.contains("GraphGenerator.random(" + ExampleDataWriter.TC_NODES + ", "
                + ExampleDataWriter.TC_EDGES + ", " + ExampleDataWriter.TC_SEED + "L)"));
    }
}
