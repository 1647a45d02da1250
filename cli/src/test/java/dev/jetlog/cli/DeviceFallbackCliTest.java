// A device that fails mid-run, through the command line: under auto the run continues on the CPU, says so
// in one line and writes the right outputs; a device chosen by name fails the run with the device's message,
// exit status 1 and no output file. The device is a test double from the CPU backend's test jar.
package dev.jetlog.cli;

import dev.jetlog.cpu.FaultyDeviceBackendProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DeviceFallbackCliTest {
    @TempDir
    Path dir;
    Path program;
    Path facts;
    Path out;

    @BeforeEach
    void writeExample() throws IOException {
        program = dir.resolve("tc.dl");
        Files.writeString(program, """
                .decl edge(x: number, y: number)
                .input edge
                .decl path(x: number, y: number)
                .output path
                path(x, y) :- edge(x, y).
                path(x, z) :- path(x, y), edge(y, z).
                """);
        facts = Files.createDirectories(dir.resolve("facts"));
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            edges.append(i).append('\t').append(i + 1).append('\n');
        }
        Files.writeString(facts.resolve("edge.facts"), edges);
        out = Files.createDirectories(dir.resolve("out"));
    }

    @AfterEach
    void disableTheFaultyDevice() {
        System.clearProperty(FaultyDeviceBackendProvider.PROPERTY);
    }

    @Test
    void underAutoAFailingDeviceHandsTheRunToTheCpuAndSaysSo() throws IOException {
        System.setProperty(FaultyDeviceBackendProvider.PROPERTY, "3");
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("jetlog: backend auto: faulty-device\n"
                + "jetlog: the faulty-device backend failed (evaluating the rule for 'path' at " + program
                + ":6:1: kernel launch failed: device lost (simulated, join 3)); the run continues on the cpu backend"
                + " from the session's facts", run.err().strip().replaceAll(" \\(.*\\)\n", "\n"));
        assertEquals(20 * 21 / 2, Files.readAllLines(out.resolve("path.csv")).size());
    }

    @Test
    void aDeviceChosenByNameFailsTheRunAndWritesNothing() {
        System.setProperty(FaultyDeviceBackendProvider.PROPERTY, "2");
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString(),
                "--backend", "faulty-device");
        assertEquals(1, run.status(), run.toString());
        assertEquals("jetlog: error: evaluating the rule for 'path' at " + program + ":6:1: kernel launch failed:"
                + " device lost (simulated, join 2)", run.err().strip());
        assertFalse(Files.exists(out.resolve("path.csv")), "no output after a failed run");
    }
}
