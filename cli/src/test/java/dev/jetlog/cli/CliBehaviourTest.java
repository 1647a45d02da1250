// The command line as a user meets it: flags, outputs, warnings, and for every kind of bad input a
// clear message naming the place, a non-zero exit status, no stack trace and no damaged output.
package dev.jetlog.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliBehaviourTest {
    private static final String TC = """
            .decl edge(x: number, y: number)
            .input edge
            .decl path(x: number, y: number)
            .output path
            .printsize path
            path(x, y) :- edge(x, y).
            path(x, z) :- edge(x, y), path(y, z).
            """;

    @TempDir
    Path dir;
    Path program;
    Path facts;
    Path out;

    @BeforeEach
    void writeExample() throws IOException {
        program = write("tc.dl", TC);
        facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("edge.facts"), "1\t2\n2\t3\n");
        out = dir.resolve("out");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertCleanFailure(CliRun run, int status, String... fragments) {
        assertEquals(status, run.status(), run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "':\n" + run);
        }
        assertFalse(run.err().contains("Exception"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void runsAndWritesOutputsAndSizes() throws IOException {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString(), "-j", "2");
        assertEquals(0, run.status(), run.toString());
        assertEquals("path\t3\n", run.out());
        assertEquals(java.util.List.of("1\t2", "1\t3", "2\t3"), Files.readAllLines(out.resolve("path.csv")));
    }

    @Test
    void dashPrintsOutputsToStdout() {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-D", "-");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("path\nx\ty\n===============\n1\t2\n1\t3\n2\t3\n===============\n"), run.toString());
        assertFalse(Files.exists(dir.resolve("-")));
    }

    @Test
    void ioParametersChooseFilesAndDelimiters() throws IOException {
        Path custom = write("custom.dl", """
                .decl edge(x: number, y: number)
                .input edge(IO=file, filename="graph.csv", delimiter=",")
                .decl path(x: number, y: number)
                .output path(IO=file, filename="reach.txt", delimiter=";")
                path(x, y) :- edge(x, y).
                path(x, z) :- edge(x, y), path(y, z).
                """);
        Files.writeString(facts.resolve("graph.csv"), "5,6\n6,7\n");
        CliRun run = CliRun.of(custom.toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(java.util.List.of("5;6", "5;7", "6;7"), Files.readAllLines(out.resolve("reach.txt")));
    }

    @Test
    void statsAndExplainGoToStderr() {
        CliRun run = CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString(), "--stats", "--explain");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("iterations"), run.toString());
        assertTrue(run.err().contains("stratum 0 [path] recursive"), run.toString());
        assertTrue(run.err().contains("join edge on [1,0 key 1]"), run.toString());
        assertTrue(run.err().matches("(?s).*\ntotal [0-9.]+ ms; .*join [0-9.]+ ms.*"),
                "--stats times each backend call, so the total is split by operation:\n" + run);
        assertTrue(run.err().matches("(?s).*\nrun: compile [0-9.,]+ ms, read facts [0-9.,]+ ms, evaluate [0-9.,]+ ms, "
                + "write outputs [0-9.,]+ ms; [0-9,]+ ms since the JVM started\n"), "the run's phases last:\n" + run);
        assertEquals("path\t3\n", run.out());
    }

    @Test
    void warningsArePrintedAndTheProgramStillRuns() throws IOException {
        Path singleton = write("single.dl", """
                .decl a(x: number, y: number)
                .decl b(x: number)
                .output b
                a(1, 2).
                b(x) :- a(x, y).
                """);
        CliRun run = CliRun.of(singleton.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("single.dl:5:14: warning: variable 'y' occurs only once"), run.toString());
        assertEquals(java.util.List.of("1"), Files.readAllLines(out.resolve("b.csv")));
        CliRun quiet = CliRun.of(singleton.toString(), "-D", out.toString(), "-w");
        assertEquals("", quiet.err(), quiet.toString());
    }

    @Test
    void aUserFunctorWithoutAnImplementationStopsTheRunBeforeAnyOutput() throws IOException {
        Path functor = write("functor.dl", """
                .functor twice(x: number): number
                .decl a(x: number)
                .output a
                a(@twice(3)).
                """);
        CliRun run = CliRun.of(functor.toString(), "-D", out.toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals("jetlog: error: " + functor + ":1:10: functor 'twice' has no implementation: register one with "
                + "EngineOptions.withFunctor(\"twice\", ...) (the command line cannot load one)\n", run.err());
        assertFalse(Files.exists(out.resolve("a.csv")), run.toString());
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: jetlog"), help.toString());
        assertEquals(0, CliRun.of("--version").status());
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertCleanFailure(CliRun.of(), 2, "Missing required parameter");
        assertCleanFailure(CliRun.of(program.toString(), "--frobnicate"), 2, "Unknown option");
        assertCleanFailure(CliRun.of(program.toString(), "-j", "0"), 2, "invalid value for -j: '0'");
        assertCleanFailure(CliRun.of(program.toString(), "-j", "many"), 2, "invalid value for -j: 'many'");
    }

    @Test
    void missingOrUnreadableProgram() {
        assertCleanFailure(CliRun.of(dir.resolve("nope.dl").toString()), 1, "cannot read program", "no such file");
        assertCleanFailure(CliRun.of(dir.toString()), 1, "it is a directory");
    }

    @Test
    void programThatIsNotTextOrIsAbsurdlyDeep() throws IOException {
        Path binary = dir.resolve("binary.dl");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0x2E});
        assertCleanFailure(CliRun.of(binary.toString()), 1, "it is not UTF-8 text");
        Path deep = write("deep.dl", ".decl r(x: number)\nr(" + "(".repeat(200_000) + "1" + ")".repeat(200_000) + ").\n");
        CliRun run = CliRun.of(deep.toString());
        assertEquals(1, run.status(), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void syntaxErrorNamesLineAndColumnWithACaret() throws IOException {
        Path bad = write("bad.dl", ".decl e(x: number)\n.decl r(x: number)\nr(x) :- e(x)\n");
        CliRun run = CliRun.of(bad.toString());
        assertCleanFailure(run, 1, "bad.dl:3:13: error: expected '.' at the end of the rule", "1 error; nothing was evaluated");
        assertTrue(run.err().contains("\nr(x) :- e(x)\n            ^\n"), run.toString());
    }

    @Test
    void semanticErrorsAreAllReported() throws IOException {
        Path bad = write("bad.dl", """
                .decl e(x: number)
                .decl r(x: number)
                r(x) :- f(x).
                r(y) :- e(x).
                """);
        assertCleanFailure(CliRun.of(bad.toString()), 1, "bad.dl:3:9: error: relation 'f' is not declared",
                "bad.dl:4:3: error:", "2 errors");
    }

    @Test
    void negationThroughRecursionIsRejected() throws IOException {
        Path bad = write("bad.dl", """
                .decl e(x: number)
                .decl r(x: number)
                r(x) :- e(x), !r(x).
                """);
        assertCleanFailure(CliRun.of(bad.toString()), 1, "bad.dl:3:15: error: cannot stratify");
    }

    @Test
    void unknownBackendIsAnErrorNotAFallback() {
        assertCleanFailure(CliRun.of(program.toString(), "-F", facts.toString(), "--backend", "quantum"), 1,
                "unknown backend 'quantum'", "cpu");
    }

    @Test
    void missingFactsDirectoryOrFile() throws IOException {
        assertCleanFailure(CliRun.of(program.toString(), "-F", dir.resolve("none").toString(), "-D", out.toString()),
                1, "facts directory", "does not exist");
        Files.delete(facts.resolve("edge.facts"));
        assertCleanFailure(CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString()),
                1, "edge.facts: does not exist", "tc.dl:2:8");
    }

    @Test
    void malformedFactsNameTheFileLineAndColumnAndKeepEarlierOutputs() throws IOException {
        assertEquals(0, CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString()).status());
        byte[] before = Files.readAllBytes(out.resolve("path.csv"));
        Files.writeString(facts.resolve("edge.facts"), "1\t2\n2\tx3\n");
        assertCleanFailure(CliRun.of(program.toString(), "-F", facts.toString(), "-D", out.toString()),
                1, "edge.facts:2:3:");
        assertEquals(new String(before, StandardCharsets.UTF_8),
                Files.readString(out.resolve("path.csv")), "a failed run must leave earlier output alone");
    }

    @Test
    void outputDirectoryThatIsAFile() throws IOException {
        Path file = write("occupied", "not a directory");
        assertCleanFailure(CliRun.of(program.toString(), "-F", facts.toString(), "-D", file.toString()),
                1, "cannot create output directory");
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void unsupportedIoIsAnErrorAtTheDirective() throws IOException {
        Path bad = write("bad.dl", """
                .decl e(x: number)
                .input e(IO=jsonl)
                """);
        assertCleanFailure(CliRun.of(bad.toString()), 1, "bad.dl:2:8: error: unsupported IO='jsonl'");
    }
}
