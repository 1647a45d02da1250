// Tests for SharedDatasets: lookup order, and reading real benchmark graphs from ../shared when present.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jetlog.parser.ast.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDatasetsTest {

    private static final List<ColumnType> EDGE = List.of(ColumnType.NUMBER, ColumnType.NUMBER);

    /** The shared folder; skips the test when it is absent, but fails on CI (CI=true), where it must exist. */
    static Path requireShared() {
        Optional<Path> shared = SharedDatasets.locate();
        if (shared.isEmpty()) {
            String message = "shared/ folder not found (set -Djetlog.shared or JETLOG_SHARED, or place it beside the checkout)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; it is required when CI=true");
            }
            assumeTrue(false, message + "; skipping");
        }
        return shared.get();
    }

    @Test
    void propertyThenEnvironmentThenWalkUp(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("work/main/datasets"));
        Path shared = Files.createDirectories(tmp.resolve("work/shared"));
        Files.writeString(shared.resolve("DESIGN.md"), "# design\n");
        Path other = Files.createDirectories(tmp.resolve("elsewhere"));

        assertEquals(Optional.of(shared), SharedDatasets.locate(null, null, checkout));
        assertEquals(Optional.of(other), SharedDatasets.locate(other.toString(), shared.toString(), checkout));
        assertEquals(Optional.of(other), SharedDatasets.locate(null, other.toString(), checkout));
        assertEquals(Optional.of(other), SharedDatasets.locate("", other.toString(), checkout));
        assertEquals(Optional.of(shared), SharedDatasets.locate(tmp.resolve("missing").toString(), null, checkout),
                "a property naming no directory is passed over");
        assertEquals(Optional.empty(), SharedDatasets.locate(null, null, other));
    }

    @Test
    void walkUpNeedsDesignMd(@TempDir Path tmp) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("main"));
        Files.createDirectories(tmp.resolve("shared"));
        assertEquals(Optional.empty(), SharedDatasets.locate(null, null, checkout));
        Files.writeString(tmp.resolve("shared/DESIGN.md"), "x");
        assertEquals(Optional.of(tmp.resolve("shared")), SharedDatasets.locate(null, null, checkout));
    }

    @Test
    void readsRealGraphsWithManifestCounts() throws Exception {
        Path shared = requireShared();
        Map<String, Integer> manifest = manifestEdges(shared.resolve("datasets/MANIFEST.tsv"));
        assertEquals(7035, manifest.get("OL.cedge.tsv"));
        assertEquals(26013, manifest.get("p2p-Gnutella09.tsv"));

        Path ol = SharedDatasets.graph("OL.cedge").orElseThrow();
        assertEquals(shared.resolve("datasets/graphs/OL.cedge.tsv"), ol);
        assertEquals(7035, FactsReader.read(ol, EDGE).size());

        Path gnutella = SharedDatasets.graph("p2p-Gnutella09.tsv").orElseThrow();
        assertTrue(new String(Files.readAllBytes(gnutella), 0, 100, java.nio.charset.StandardCharsets.US_ASCII)
                .contains("\r\n"), "the file has CRLF endings");
        IntRows rows = FactsReader.read(gnutella, EDGE);
        assertEquals(26013, rows.size());
        assertEquals(0, rows.get(0, 0));
        assertEquals(1, rows.get(0, 1));
        assertFalse(SharedDatasets.graph("no-such-graph").isPresent());
    }

    @Test
    void analysisInputsAndConformanceCases() throws Exception {
        Path shared = requireShared();
        Path cspa = SharedDatasets.analysisInput("httpd-cspa10k").orElseThrow();
        assertEquals(shared.resolve("datasets/analysis/httpd-cspa10k"), cspa);
        Path assign = cspa.resolve("assign.facts");
        long lines = Files.readAllLines(assign).stream().filter(l -> !l.isBlank()).count();
        assertTrue(lines > 9_000, "about 10k rows, found " + lines);
        assertEquals(lines, FactsReader.read(assign, EDGE).size());
        assertFalse(SharedDatasets.analysisInput("nope").isPresent());

        Path cases = SharedDatasets.conformanceRoot().orElseThrow();
        try (Stream<Path> s = Files.list(cases)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("case-")
                    && Files.isRegularFile(p.resolve("program.dl"))));
        }
    }

    private static Map<String, Integer> manifestEdges(Path manifest) throws IOException {
        Map<String, Integer> edges = new HashMap<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] f = line.split("\t");
            if (f.length >= 2 && f[1].matches("\\d+")) {
                edges.put(f[0], Integer.parseInt(f[1]));
            }
        }
        return edges;
    }
}
