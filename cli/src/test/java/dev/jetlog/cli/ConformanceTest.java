// Every case of shared/conformance/generated through the CLI on a named backend: each expected output
// relation must come out with exactly the expected rows (compared as sets), and nothing else. The CPU,
// OpenCL and CUDA test classes run it; a backend that cannot run here skips (or fails, when required).
package dev.jetlog.cli;

import dev.jetlog.seminaive.testkit.BackendRequirement;
import dev.jetlog.seminaive.testkit.ConformanceCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class ConformanceTest {
    @TempDir
    Path work;

    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesTheReferenceOutput() {
        BackendRequirement.check(backend());
        return ConformanceCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(ConformanceCase conformance) throws IOException {
        Path out = work.resolve(conformance.name());
        CliRun run = CliRun.of(conformance.program().toString(), "-F", conformance.facts().toString(),
                "-D", out.toString(), "--backend", backend(), "-j", "2");
        assertEquals(0, run.status(), run.toString());
        Map<String, List<String>> expected = conformance.expected();
        Set<String> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.map(f -> f.getFileName().toString().replaceFirst("\\.csv$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected.keySet(), written, "output relations of " + conformance.name());
        for (Map.Entry<String, List<String>> relation : expected.entrySet()) {
            List<String> actual = ConformanceCase.lines(out.resolve(relation.getKey() + ".csv"));
            assertEquals(actual.size(), new HashSet<>(actual).size(), "duplicate rows in " + relation.getKey());
            assertEquals(new TreeSet<>(relation.getValue()), new TreeSet<>(actual),
                    conformance.name() + ": rows of " + relation.getKey());
        }
        assertTrue(run.err().isEmpty() || !run.err().contains("error"), run.err());
    }
}
