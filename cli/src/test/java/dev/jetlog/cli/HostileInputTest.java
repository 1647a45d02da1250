// Regression tests for what hostile but realistic use of the command line broke (issue 11): long source
// lines, outputs that must be all or nothing, symbols that are not UTF-8, reasons in I/O messages,
// bad flags, symbolic links in the output directory, the time limit, and duplicate output files.
package dev.jetlog.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostileInputTest {
    @TempDir
    Path dir;
    Path facts;
    Path out;

    @BeforeEach
    void folders() throws IOException {
        facts = Files.createDirectories(dir.resolve("facts"));
        out = dir.resolve("out");
    }

    private Path program(String text) throws IOException {
        Path file = dir.resolve("p.dl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("Exception"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void thousandsOfErrorsOnOneLongLineGiveAShortReport() throws IOException {
        StringBuilder line = new StringBuilder(".decl edge(x: number, y: number)\n");
        for (int i = 0; i < 20_000; i++) {
            line.append("edg(").append(i).append(',').append(i + 1).append("). ");
        }
        CliRun run = CliRun.of(program(line.append('\n').toString()).toString());
        assertEquals(1, run.status());
        assertNoStackTrace(run);
        assertTrue(run.err().length() < 20_000, "stderr holds " + run.err().length() + " characters");
        assertTrue(run.err().contains("... and 19980 more errors"), run.err());
        assertTrue(run.err().contains("20000 errors; nothing was evaluated"), run.err());
        String caretLine = run.err().lines().filter(l -> l.strip().equals("^")).findFirst().orElseThrow();
        assertTrue(caretLine.length() < 200, "the caret sits under a window of the line");
    }

    @Test
    void aSyntaxErrorOnALongLineShowsAWindowAroundIt() throws IOException {
        StringBuilder text = new StringBuilder(".decl e(x: number)\n");
        for (int i = 0; i < 30_000; i++) {
            text.append("e(").append(i).append("). ");
        }
        text.append("e(1 2).\n");
        CliRun run = CliRun.of(program(text.toString()).toString());
        assertEquals(1, run.status());
        assertNoStackTrace(run);
        assertTrue(run.err().length() < 2_000, run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(1).startsWith("...") && lines.get(1).contains("e(1 2)."), lines.get(1));
        assertEquals(lines.get(1).indexOf("2)."), lines.get(2).indexOf('^'), "the caret points at the 2");
    }

    @Test
    void symbolBytesThatAreNotUtf8ComeBackUnchanged() throws IOException {
        byte[] cafe1 = {'c', 'a', 'f', (byte) 0xE9};
        byte[] cafe2 = {'c', 'a', 'f', (byte) 0xE8};
        byte[] input = new byte[cafe1.length + cafe2.length + 2];
        System.arraycopy(cafe1, 0, input, 0, 4);
        input[4] = '\n';
        System.arraycopy(cafe2, 0, input, 5, 4);
        input[9] = '\n';
        Files.write(facts.resolve("w.facts"), input);
        Path p = program(".decl w(s: symbol)\n.input w\n.decl v(s: symbol)\n.output v\n.printsize v\nv(s) :- w(s).\n");
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("v\t2", run.out().strip().lines().reduce((a, b) -> b).orElseThrow(), "two distinct symbols");
        byte[] written = Files.readAllBytes(out.resolve("v.csv"));
        byte[] expected = {'c', 'a', 'f', (byte) 0xE8, '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        byte[] other = {'c', 'a', 'f', (byte) 0xE9, '\n', 'c', 'a', 'f', (byte) 0xE8, '\n'};
        assertTrue(java.util.Arrays.equals(expected, written) || java.util.Arrays.equals(other, written),
                "bytes written: " + java.util.Arrays.toString(written));
    }

    @Test
    void anEmptyBackendNameIsAUsageError() throws IOException {
        CliRun run = CliRun.of(program(".decl e(x: number)\n").toString(), "--backend", "");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("jetlog: --backend needs a name"), run.toString());
    }

    @Test
    void ioMessagesGiveTheReason() throws IOException {
        Path p = program(".decl e(x: number)\n.input e\n");
        Files.createDirectories(facts.resolve("e.facts"));
        CliRun directory = CliRun.of(p.toString(), "-F", facts.toString());
        assertEquals(1, directory.status());
        assertTrue(directory.err().contains("e.facts: is a directory"), directory.toString());
        Files.delete(facts.resolve("e.facts"));
        Files.createSymbolicLink(facts.resolve("e.facts"), dir.resolve("nowhere"));
        CliRun dangling = CliRun.of(p.toString(), "-F", facts.toString());
        assertEquals(1, dangling.status());
        assertTrue(dangling.err().contains("e.facts: dangling symbolic link"), dangling.toString());
        assertNoStackTrace(dangling);
    }

    @Test
    void floatsTooSmallForAFloatColumnAreRejectedNotZeroed() throws IOException {
        Files.writeString(facts.resolve("f.facts"), "1.5\n1e-50\n");
        Path p = program(".decl f(x: float)\n.input f\n.printsize f\n");
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("f.facts:2:") && run.err().contains("too small for a 32-bit float"), run.toString());
    }

    @Test
    void aSymbolicLinkInTheOutputDirectoryIsWrittenThrough() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("a.csv"), real);
        Path p = program(".decl a(x: number)\n.output a\na(7).\n");
        CliRun run = CliRun.of(p.toString(), "-D", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(Files.isSymbolicLink(out.resolve("a.csv")), "the link stays a link");
        assertEquals("7\n", Files.readString(real), "and the data went through it");
    }

    @Test
    void twoOutputsNamingOneFileAreAnError() throws IOException {
        Path p = program(".decl a(x: number)\n.decl b(x: number)\n.output a(filename=\"x.csv\")\n"
                + ".output b(filename=\"x.csv\")\n");
        CliRun run = CliRun.of(p.toString(), "-D", out.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("p.dl:4:9: error: output file 'x.csv' of b is also written by the .output of a"
                + " at line 3"), run.toString());
    }

    @Test
    void theTimeLimitStopsTheRunWithStatus124AndNoOutput() throws IOException {
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            edges.append(i).append('\t').append((i + 1) % 4000).append('\n');
        }
        Files.writeString(facts.resolve("edge.facts"), edges);
        Files.createDirectories(out);
        Files.writeString(out.resolve("path.csv"), "earlier\n");
        Path p = program(".decl edge(x: number, y: number)\n.input edge\n.decl path(x: number, y: number)\n.output path\n"
                + "path(x, y) :- edge(x, y).\npath(x, z) :- edge(x, y), path(y, z).\n");
        long start = System.nanoTime();
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString(), "-D", out.toString(), "--timeout", "0.3",
                "--backend", "cpu", "--stats");
        assertEquals(124, run.status(), run.toString());
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "stopped late");
        assertTrue(run.err().contains("jetlog: stopped by the time limit while evaluating"), run.toString());
        assertTrue(run.err().contains("no output was written (earlier outputs are intact)"), run.toString());
        assertEquals("earlier\n", Files.readString(out.resolve("path.csv")));
        assertFalse(Thread.currentThread().isInterrupted(), "the CLI's interrupt does not leak to the caller");
        CliRun bad = CliRun.of(p.toString(), "--timeout", "soon");
        assertEquals(2, bad.status(), bad.toString());
    }

    // ---- programs that would exhaust the stack, the heap or the clock (issue 9) ---------------------

    private CliRun timedRun(String text, long maxSeconds) throws IOException {
        long start = System.nanoTime();
        CliRun run = CliRun.of(program(text).toString(), "-D", "-", "-w");
        assertTrue(System.nanoTime() - start < maxSeconds * 1_000_000_000L, "took longer than " + maxSeconds + " s");
        assertNoStackTrace(run);
        return run;
    }

    @Test
    void deepNestingIsRefusedAtItsPosition() throws IOException {
        String decl = ".decl a(x: number)\n";
        CliRun parentheses = timedRun(decl + "a(1) :- " + "(".repeat(100_000) + "true" + ")".repeat(100_000) + ".\n", 20);
        assertEquals(1, parentheses.status());
        assertTrue(parentheses.err().contains("p.dl:2:509: error: brackets nested more than 500 levels deep"),
                parentheses.err());
        CliRun expression = timedRun(decl + "a(1) :- 0 < 1" + " + 1".repeat(100_000) + ".\n", 20);
        assertEquals(1, expression.status());
        assertTrue(expression.err().contains("error: expression nested more than 500 levels deep"), expression.err());
        CliRun fine = timedRun(decl + ".output a\na(1) :- " + "(".repeat(400) + "true" + ")".repeat(400)
                + ", 0 < 1" + " + 1".repeat(400) + ".\n", 20);
        assertEquals(0, fine.status(), fine.toString());
    }

    @Test
    void disjunctionsThatWouldMultiplyOutAreRefusedNamingTheClause() throws IOException {
        CliRun run = timedRun(".decl a(x: number)\n.decl b(x: number)\nb(x) :- a(x), "
                + "(x < 1 ; x > 2), ".repeat(30) + "true.\n", 20);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("p.dl:3:1: error: this clause's disjunctions multiply out into more than 4096 rules"),
                run.err());
    }

    @Test
    void hugeBodiesAreRefusedInSeconds() throws IOException {
        StringBuilder atoms = new StringBuilder(".decl a(x: number, y: number)\n.decl r(x: number)\nr(x0) :- ");
        for (int i = 0; i < 10_000; i++) {
            atoms.append(i == 0 ? "" : ", ").append("a(x").append(i).append(", x").append(i + 1).append(')');
        }
        CliRun wide = timedRun(atoms.append(".\n").toString(), 30);
        assertEquals(1, wide.status());
        assertTrue(wide.err().contains("p.dl:3:1: error: a rule may have at most 1000 body literals; this one has 10000"),
                wide.err());
        CliRun recursive = timedRun(".decl r(x: number)\nr(1).\nr(x) :- " + "r(x), ".repeat(999) + "r(x).\n", 30);
        assertEquals(1, recursive.status());
        assertTrue(recursive.err().contains("semi-naive versions would take 1000000 steps"), recursive.err());
    }

    @Test
    void aRunThatWouldExceedTheMemoryLimitStopsEarlyNamingTheRelation() throws IOException {
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            edges.append(i).append('\t').append((i + 1) % 3000).append('\n');
        }
        Files.writeString(facts.resolve("edge.facts"), edges);
        Path p = program(".decl edge(x: number, y: number)\n.input edge\n.decl path(x: number, y: number)\n"
                + ".printsize path\npath(x, y) :- edge(x, y).\npath(x, z) :- edge(x, y), path(y, z).\n");
        long start = System.nanoTime();
        CliRun run = CliRun.of(p.toString(), "-F", facts.toString(), "--memory-limit", "16m", "--backend", "cpu");
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "stopped late");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().startsWith("jetlog: error: memory limit of 16.0 MiB reached in stratum 0 (path)"), run.err());
        assertTrue(run.err().contains("path ") && run.err().contains("tuples"), run.err());
        assertNoStackTrace(run);
        CliRun bad = CliRun.of(p.toString(), "--memory-limit", "lots");
        assertEquals(2, bad.status(), bad.toString());
    }

    @Test
    void candidatesOfAHugeEquivalenceClassStopAtTheLimitNotInAnOutOfMemoryError() throws Exception {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            pairs.append(i).append('\t').append(i + 1).append('\n');
        }
        Files.writeString(facts.resolve("e.facts"), pairs);
        Path p = program(".decl e(a: number, b: number)\n.input e\n.decl r(a: number, b: number) eqrel\n"
                + "r(a, b) :- e(a, b).\n.decl p(a: number, b: number)\n.printsize p\np(a, b) :- r(a, b), a >= 0.\n");
        // a small heap, the default memory limit: compacting the pending candidates of p must be budgeted
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), p.toString(),
                "-F", facts.toString(), "--backend", "cpu", "-j", "2")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "still running");
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.contains("jetlog: error: memory limit of ") && err.contains("reached in stratum")
                && err.contains("most of them for p ("), err);
        assertFalse(err.contains("out of memory"), err);
    }
}
