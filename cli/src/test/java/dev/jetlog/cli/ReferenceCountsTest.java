// The reference counts of shared/datasets/README.md through the CLI with -j 2: TC on OL.cedge, cti and
// p2p-Gnutella09, SG on OL.cedge and TG.cedge, CSPA and CSDA on the httpd inputs, each with the
// .printsize variant of its program in shared/programs; on the CPU backend, and on OpenCL for TC on
// OL.cedge and cti and SG on OL.cedge and TG.cedge, where --stats must show the OpenCL device.
package dev.jetlog.cli;

import dev.jetlog.seminaive.testkit.BackendRequirement;
import dev.jetlog.seminaive.testkit.SharedFolder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceCountsTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} on {1}, {3}")
    @CsvSource({
        "tc, OL.cedge, path, cpu",
        "tc, cti, path, cpu",
        "tc, p2p-Gnutella09, path, cpu",
        "sg, OL.cedge, sg, cpu",
        "sg, TG.cedge, sg, cpu",
        "tc, OL.cedge, path, opencl",
        "tc, cti, path, opencl",
        "sg, OL.cedge, sg, opencl",
        "sg, TG.cedge, sg, opencl",
    })
    void countMatchesTheReference(String program, String graph, String relation, String backend) throws IOException {
        BackendRequirement.check(backend);
        Path shared = SharedFolder.require("reference counts");
        Path graphFile = SharedFolder.require("datasets/graphs/" + graph + ".tsv", "graph " + graph);
        Path facts = Files.createDirectories(work.resolve("facts"));
        Files.createSymbolicLink(facts.resolve("edge.facts"), graphFile.toAbsolutePath());
        String source = Files.readString(shared.resolve("programs/" + program + ".dl"), StandardCharsets.UTF_8);
        Path printsize = work.resolve(program + ".dl");
        Files.writeString(printsize, source.replace(".output " + relation, ".printsize " + relation));

        CliRun run = CliRun.of(printsize.toString(), "-F", facts.toString(), "-D", work.resolve("out").toString(),
                "-j", "2", "--backend", backend, "--stats");

        assertEquals(0, run.status(), run.toString());
        assertEquals(relation + "\t" + referenceCount(shared, graph, program.equals("tc") ? 2 : 3),
                run.out().strip(), run.toString());
        assertTrue(run.err().startsWith("backend: " + backend + " "), "the operators ran on " + backend + ":\n" + run.err());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "cspa, httpd-cspa10k",
        "cspa, httpd-cspa100k",
        "csda, csda10k",
        "csda, csda100k",
    })
    void analysisCountsMatchTheReference(String program, String input) throws IOException {
        Path shared = SharedFolder.require("reference counts");
        Path facts = SharedFolder.require("datasets/analysis/" + input, "analysis input " + input);
        String source = Files.readString(shared.resolve("programs/" + program + ".dl"), StandardCharsets.UTF_8);
        Path printsize = work.resolve(program + ".dl");
        Files.writeString(printsize, source.replaceAll("(?m)^\\.output ", ".printsize "));

        CliRun run = CliRun.of(printsize.toString(), "-F", facts.toString(), "-D", work.resolve("out").toString(),
                "-j", "2", "--backend", "cpu");

        assertEquals(0, run.status(), run.toString());
        assertEquals(analysisCounts(shared, input), new java.util.TreeSet<>(run.out().strip().lines().toList()),
                run.toString());
    }

    /** The README's counts for an analysis input, as "relation<TAB>count" lines. */
    private static java.util.TreeSet<String> analysisCounts(Path shared, String input) throws IOException {
        for (String line : Files.readAllLines(shared.resolve("datasets/README.md"), StandardCharsets.UTF_8)) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length > 3 && cells[1].equals(input)) {
                java.util.TreeSet<String> counts = new java.util.TreeSet<>();
                for (String entry : cells[3].split(";")) {
                    String[] parts = entry.strip().split(" ");
                    counts.add(parts[0] + "\t" + parts[1].replace(",", ""));
                }
                return counts;
            }
        }
        throw new AssertionError("input " + input + " is not in shared/datasets/README.md");
    }

    /** The count in the README's table: column 2 is TC / REACH, column 3 is SG. */
    private static long referenceCount(Path shared, String graph, int column) throws IOException {
        for (String line : Files.readAllLines(shared.resolve("datasets/README.md"), StandardCharsets.UTF_8)) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length > column + 1 && cells[1].equals(graph)) {
                String count = cells[column + 1].replace(",", "");
                assertTrue(count.matches("\\d+"), "no reference count for " + graph + " in: " + line);
                return Long.parseLong(count);
            }
        }
        throw new AssertionError("graph " + graph + " is not in shared/datasets/README.md");
    }
}
