// Choosing a backend on the command line: auto says in one line which backend it took and why, an
// explicit backend that cannot run here is an error naming the reason (never a silent fallback), and
// opencl and cuda run the program wherever they can.
package dev.jetlog.cli;

import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.BackendProvider;
import dev.jetlog.seminaive.testkit.BackendRequirement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendChoiceTest {
    @TempDir
    Path dir;
    Path program;
    Path facts;

    @BeforeEach
    void writeExample() throws IOException {
        program = dir.resolve("tc.dl");
        Files.writeString(program, """
                .decl edge(x: number, y: number)
                .input edge
                .decl path(x: number, y: number)
                .printsize path
                path(x, y) :- edge(x, y).
                path(x, z) :- edge(x, y), path(y, z).
                """);
        facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("edge.facts"), "1\t2\n2\t3\n3\t4\n");
    }

    @Test
    void autoSaysWhichBackendItTookAndWhyInOneLine() {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("path\t6", run.out().strip());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), run.toString());
        BackendProvider chosen = BackendRegistry.choose("auto").provider();
        assertTrue(line.startsWith("jetlog: backend auto: " + chosen.deviceDescription()), run.toString());
        for (BackendProvider better : BackendRegistry.providers()) {
            if (better.priority() > chosen.priority()) {
                assertTrue(line.contains(better.name() + ": " + better.autoUnavailableReason()), run.toString());
            }
        }
        assertEquals("", CliRun.of(program.toString(), "-F", facts.toString(), "-w").err(), "-w silences the note");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cuda", "opencl", "cpu"})
    void anExplicitBackendRunsOrFailsNamingTheReason(String backend) {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "--backend", backend, "--stats");
        if (BackendRequirement.available(backend)) {
            assertEquals(0, run.status(), run.toString());
            assertEquals("path\t6", run.out().strip());
            assertTrue(run.err().contains("backend: " + backend), "--stats names the backend:\n" + run);
            return;
        }
        String reason = BackendRegistry.providers().stream().filter(p -> p.name().equals(backend)).findFirst()
                .orElseThrow().unavailableReason();
        assertEquals(1, run.status(), run.toString());
        assertEquals("jetlog: error: backend '" + backend + "' cannot run here: " + reason, run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownBackendListsTheChoices() {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "--backend", "tpu");
        assertEquals(1, run.status(), run.toString());
        // the tests' class path also carries the CPU backend's test-only backends: faulty-device
        // (DeviceFallbackCliTest) and heap-starved (HeapStarvedMergeTest)
        assertEquals("jetlog: error: unknown backend 'tpu' (choose from: auto, faulty-device, cuda, opencl, cpu, heap-starved)",
                run.err().strip());
    }
}
