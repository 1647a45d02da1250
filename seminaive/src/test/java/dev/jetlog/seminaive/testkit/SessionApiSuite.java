// Engine-agnostic suite for the public Java API: inserting facts of every type, running again after
// more inserts, reading tuples and counts, the program's .input/.output files, and clear errors for
// misuse. Each backend's tests extend it and name the backend.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.EvaluationCancelledException;
import dev.jetlog.seminaive.api.IncludeOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Problem;
import dev.jetlog.seminaive.api.ProgramException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.Tuple;
import dev.jetlog.seminaive.api.TupleCursor;
import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.Operation;
import dev.jetlog.seminaive.eval.RuleStats;
import dev.jetlog.seminaive.eval.StratumStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public abstract class SessionApiSuite {
    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    @org.junit.jupiter.api.BeforeEach
    void requireBackend() {
        BackendRequirement.check(backend());
    }

    @TempDir
    Path dir;

    private static final String TYPES = """
            .decl item(n: number, u: unsigned, f: float, s: symbol)
            .decl copy(n: number, u: unsigned, f: float, s: symbol)
            copy(n, u, f, s) :- item(n, u, f, s).
            """;

    private static final String TC = """
            .decl edge(x: number, y: number)
            .input edge
            .decl path(x: number, y: number)
            .output path
            .printsize path
            path(x, y) :- edge(x, y).
            path(x, z) :- edge(x, y), path(y, z).
            """;

    @Test
    void aRunThatOutgrowsItsMemoryLimitFailsCleanlyWhereverItStops() {
        // wherever the limit stops it (a merge, a compaction, a join), the failure releases each buffer once:
        // the driver never sees a released one again (on OpenCL that crashed the JVM), and nothing else fails
        CompiledProgram program = JetLog.compile("chain.dl", """
                .decl edge(x: number, y: number)
                .decl path(x: number, y: number)
                path(x, y) :- edge(x, y).
                path(x, z) :- path(x, y), edge(y, z).
                .decl path_delta = debug_delta(path)
                """);
        int nodes = 1000;
        int failures = 0;
        for (long mib : new long[] {1, 2, 3, 4, 6, 8, 11, 16, 64}) {
            EngineOptions options = EngineOptions.defaults().withBackend(backend()).withThreads(2)
                    .withMemoryLimit(mib << 20);
            try (Session session = program.newSession(options)) {
                for (int i = 0; i < nodes; i++) {
                    session.insert("edge", i, i + 1);
                }
                try {
                    session.run();
                    assertEquals((long) nodes * (nodes + 1) / 2, session.count("path"), mib + " MiB");
                    assertEquals(session.count("path"), session.count("path_delta"), mib + " MiB");
                } catch (JetLogException e) {
                    failures++;
                    assertTrue(e.getMessage().contains("memory"), mib + " MiB: " + e.getMessage());
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    assertEquals(List.of(), List.of(cause.getSuppressed()), mib + " MiB: " + e.getMessage());
                }
            }
        }
        assertTrue(failures >= 3, failures + " of the runs failed: the smallest limits must stop the run");
    }

    private Session session(String source) {
        CompiledProgram program = JetLog.compile("api.dl", source);
        return program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2));
    }

    @Test
    void everyColumnTypeRoundTripsThroughTypedAccessors() {
        try (Session session = session(TYPES)) {
            session.insertTuple("item", -7, 4_000_000_000L, 2.5f, "héllo wörld");
            session.insertTuple("item", Integer.MAX_VALUE, 0, -0.125, "");
            session.run();
            assertEquals(2, session.count("copy"));
            List<Tuple> tuples = session.tuples("copy");
            Tuple first = tuples.get(0);
            assertEquals(-7, first.getInt(0));
            assertEquals(4_000_000_000L, first.getUnsigned(1));
            assertEquals(2.5f, first.getFloat(2));
            assertEquals("héllo wörld", first.getSymbol(3));
            assertEquals(List.of("-7", "4000000000", "2.5", "héllo wörld"), first.toStrings());
            assertEquals(List.of(Integer.MAX_VALUE, 0L, -0.125f, ""), List.of(tuples.get(1).get(0),
                    tuples.get(1).get(1), tuples.get(1).get(2), tuples.get(1).get(3)));
            assertThrows(IllegalStateException.class, () -> first.getSymbol(0), "column types are checked");
        }
    }

    @Test
    void rawRowsAndRepeatedRuns() {
        try (Session session = session(TC)) {
            session.insertRows("edge", new int[] {1, 2, 2, 3, 99}, 2);
            session.run();
            assertEquals(3, session.count("path"));
            assertArrayEquals(new int[] {1, 2, 1, 3, 2, 3}, session.rows("path"), "canonical order");
            session.insert("edge", 3, 4);
            EvaluationStats stats = session.run();
            assertEquals(6, session.count("path"), "a second run sees every fact inserted so far");
            assertEquals(6, stats.strata().get(0).tuples());
            assertTrue(stats.strata().get(0).iterations() >= 3, stats.format());
        }
    }

    /** A session of TC on the backend under test, timing operations (and rules) or not. */
    private Session tcSession(boolean timed) {
        EngineOptions options = EngineOptions.defaults().withBackend(backend()).withThreads(2)
                .withEvaluation(EvaluationOptions.DEFAULT.withOperationTimes(timed));
        return JetLog.compile("api.dl", TC).newSession(options);
    }

    @Test
    void operationTimesAreMeasuredOnlyWhenAsked() {
        for (boolean measured : new boolean[] {false, true}) {
            try (Session session = tcSession(measured)) {
                session.insertRows("edge", new int[] {1, 2, 2, 3, 3, 4}, 3);
                EvaluationStats stats = session.run();
                assertEquals(6, session.count("path"));
                assertTrue(stats.strata().get(0).millis() >= 0, stats.format());
                assertEquals(measured, stats.operationNanos().containsKey(Operation.JOIN), stats.format());
                assertEquals(measured, stats.format().contains(" join "), stats.format());
            }
        }
    }

    @Test
    void ruleCostsAreMeasuredPerRuleVersionOnlyWhenAsked() {
        for (boolean measured : new boolean[] {false, true}) {
            try (Session session = tcSession(measured)) {
                session.insertRows("edge", new int[] {1, 2, 2, 3, 3, 4, 4, 5}, 4);
                EvaluationStats stats = session.run();
                StratumStats path = stats.strata().get(0);
                assertEquals(measured, !path.rules().isEmpty(), stats.format());
                assertEquals(measured, stats.format().contains("slowest rules"), stats.format());
                if (!measured) {
                    continue;
                }
                assertEquals(path.candidates(), path.rules().stream().mapToLong(RuleStats::candidates).sum(),
                        "every candidate comes from one rule's pipeline: " + stats.format());
                RuleStats recursive = path.rules().stream().filter(rule -> rule.deltaAtom() >= 0).findFirst()
                        .orElseThrow(() -> new AssertionError(stats.format()));
                assertEquals(path.iterations() - 1, recursive.runs(), "one run per iteration after the first");
                assertTrue(recursive.label().startsWith("api.dl:") && recursive.label().contains(" delta "),
                        recursive.label());
                assertEquals("path", recursive.headRelation());
                for (int i = 1; i < path.rules().size(); i++) {
                    assertTrue(path.rules().get(i - 1).nanos() >= path.rules().get(i).nanos(), "slowest first");
                }
            }
        }
    }

    @Test
    void stdinInputsReadTheGivenStreamTheFirstOneAllOfIt() {
        String program = """
                .decl a(x: number, s: symbol)
                .input a(IO=stdin)
                .decl b(x: number, y: number)
                .input b(IO=stdin, delimiter=",")
                """;
        try (Session session = session(program)) {
            session.loadInputs(dir, new java.io.ByteArrayInputStream("1\tx\n2\ty\n".getBytes(StandardCharsets.UTF_8)));
            session.run();
            assertEquals(2, session.count("a"));
            assertEquals(0, session.count("b"), "as in Soufflé, the first stdin input reads all of it");
            JetLogException bad = assertThrows(JetLogException.class, () -> session.loadInputs(dir,
                    new java.io.ByteArrayInputStream("3\tz\n4\n".getBytes(StandardCharsets.UTF_8))));
            assertEquals("<stdin>:2:2: expected 2 columns, found 1", bad.getMessage());
        }
    }

    @Test
    void inputAndOutputDirectivesUseTheGivenDirectories() throws IOException {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("edge.facts"), "1\t2\r\n2\t3\r\n# not a fact\n\n");
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (Session session = session(TC)) {
            session.loadInputs(facts);
            session.insert("edge", 3, 1);
            session.run();
            PrintStream print = new PrintStream(stdout, true, StandardCharsets.UTF_8);
            session.writeOutputs(out, print);
            session.printSizes(print);
        }
        assertEquals(9, Files.readAllLines(out.resolve("path.csv")).size());
        assertEquals("path\t9\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void symbolsInProgramsAndFactsShareOneTable() {
        String source = """
                .decl knows(a: symbol, b: symbol)
                .decl fromAlice(b: symbol)
                fromAlice(b) :- knows("alice", b).
                """;
        try (Session session = session(source)) {
            session.insertTuple("knows", "alice", "bob");
            session.insertTuple("knows", "carol", "alice");
            session.run();
            assertEquals("bob", session.tuples("fromAlice").get(0).getSymbol(0));
            assertEquals(0, session.symbols().lookup("alice"), "program constants come first");
        }
    }

    @Test
    void misuseIsReportedClearly() {
        try (Session session = session(TC)) {
            assertEquals("relation 'nope' is not declared",
                    assertThrows(IllegalArgumentException.class, () -> session.insert("nope", 1)).getMessage());
            assertEquals("relation 'edge' has 2 columns, got 3 values",
                    assertThrows(IllegalArgumentException.class, () -> session.insert("edge", 1, 2, 3)).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> session.insertTuple("edge", 1, "two"))
                    .getMessage().contains("column 1 of 'edge' (number) cannot take a String"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> session.insertTuple("edge", 1, 1L << 40))
                    .getMessage().contains("does not fit 32 bits"));
            assertThrows(IllegalStateException.class, () -> session.count("path"), "results before run()");
            assertTrue(assertThrows(JetLogException.class, () -> session.loadInputs(dir.resolve("missing")))
                    .getMessage().contains("does not exist"));
        }
        Session closed = session(TC);
        closed.close();
        assertThrows(IllegalStateException.class, closed::run);
    }

    @Test
    void symbolColumnsNeedStrings() {
        try (Session session = session(TYPES)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> session.insert("item", 1, 2, 3, 4))
                    .getMessage().contains("is a symbol: use insertTuple"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> session.insertTuple("item", 1, -1, 1f, "x"))
                    .getMessage().contains("is not in 0..4294967295"));
        }
    }

    @Test
    void compileErrorsCarryDiagnostics() {
        ProgramException e = assertThrows(ProgramException.class, () -> JetLog.compile("bad.dl", ".decl e(x: number)\ne(y)."));
        assertTrue(e.getMessage().startsWith("bad.dl:2:3: error:"), e.getMessage());
        assertTrue(e.render().contains("e(y).\n  ^"), e.render());
        assertEquals(new Problem(true, "bad.dl", 2, 3, e.errors().get(0).message()), e.errors().get(0));
    }

    @Test
    void aProgramWithIncludesAndMacrosComputesItsTuples() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/graph.dl"), """
                .decl edge(x: number, y: number)
                #define CHAIN(a, b, c) edge(a, b). edge(b, c).
                CHAIN(1, 2, 3)
                CHAIN(3, 4, 5)
                """);
        Path main = Files.writeString(dir.resolve("reach.dl"), """
                #include <graph.dl>
                .decl reach(x: number, y: number)
                reach(x, y) :- edge(x, y).
                #ifdef TRANSITIVE
                reach(x, z) :- reach(x, y), edge(y, z), y < LIMIT.
                #endif
                """);
        IncludeOptions options = IncludeOptions.NONE.withIncludeDir(dir.resolve("inc"))
                .withMacro("TRANSITIVE", "1").withMacro("LIMIT", "4");
        try (Session session = JetLog.compileFile(main, options)
                .newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2))) {
            session.run();
            assertEquals(List.of("[1, 2]", "[1, 3]", "[1, 4]", "[2, 3]", "[2, 4]", "[3, 4]", "[4, 5]"),
                    session.tuples("reach").stream().map(t -> t.toStrings().toString()).sorted().toList());
        }
    }

    @Test
    void backendsAreChosenByNameWithoutSilentFallback() {
        CompiledProgram program = JetLog.compile("api.dl", TC);
        assertTrue(assertThrows(JetLogException.class,
                () -> program.newSession(EngineOptions.defaults().withBackend("no-such-backend")))
                .getMessage().contains("unknown backend 'no-such-backend'"));
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(3))) {
            assertTrue(session.backendDescription().startsWith(backend()), session.backendDescription());
        }
    }

    // ---- failures leave no partial results; interrupts cancel ---------------------------------------

    @Test
    void aCancelledRunLeavesNoResultsAndTheSessionRunsAgain() throws IOException {
        try (Session session = session(TC)) {
            session.insert("edge", 1, 2);
            session.run();
            assertEquals(1, session.count("path"));
            session.insert("edge", 2, 3);
            Thread.currentThread().interrupt();
            try {
                EvaluationCancelledException e = assertThrows(EvaluationCancelledException.class, session::run);
                assertTrue(e.getMessage().startsWith("evaluation cancelled in stratum 0"), e.getMessage());
            } finally {
                Thread.interrupted();
            }
            IllegalStateException read = assertThrows(IllegalStateException.class, () -> session.count("path"));
            assertTrue(read.getMessage().startsWith("the last run() failed (cancelled"), read.getMessage());
            assertThrows(IllegalStateException.class, () -> session.tuples("path"));
            Path out = dir.resolve("out");
            assertThrows(IllegalStateException.class, () -> session.writeOutputs(out, System.out));
            assertTrue(Files.notExists(out), "nothing written after a failed run");
            session.run();
            assertEquals(3, session.count("path"), "the session keeps its facts and runs again");
        }
    }

    @Test
    void interruptingTheRunningThreadStopsALongRunPromptly() throws InterruptedException {
        try (Session session = session(TC)) {
            for (int i = 0; i < 3000; i++) {
                session.insert("edge", i, (i + 1) % 3000);
            }
            Throwable[] thrown = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    session.run();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            worker.start();
            Thread.sleep(300);
            long interrupted = System.nanoTime();
            worker.interrupt();
            worker.join(20_000);
            assertTrue(!worker.isAlive(), "run() did not stop within 20 s of the interrupt");
            assertTrue(thrown[0] instanceof EvaluationCancelledException,
                    "expected a cancellation, got " + thrown[0]);
            assertTrue(System.nanoTime() - interrupted < 15_000_000_000L, "stopped only after 15 s");
            assertThrows(IllegalStateException.class, () -> session.count("path"));
        }
    }

    @Test
    void writingOutputsIsAllOrNothing() throws IOException {
        String program = """
                .decl a(x: number)
                .decl b(x: number)
                .output a
                .output b(filename="sub")
                a(1). b(2).
                """;
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.csv"), "earlier\n");
        Files.createDirectories(out.resolve("sub"));
        try (Session session = session(program)) {
            session.run();
            JetLogException e = assertThrows(JetLogException.class, () -> session.writeOutputs(out, System.out));
            assertTrue(e.getMessage().contains("sub") && e.getMessage().endsWith("no output was replaced"), e.getMessage());
            assertEquals("earlier\n", Files.readString(out.resolve("a.csv")), "a.csv is untouched");
            try (var files = Files.list(out)) {
                assertEquals(List.of("a.csv", "sub"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "no temporary file is left");
            }
        }
    }

    @Test
    void anInterruptWhileWritingReplacesNothingAndLeavesNoTemporary() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("path.csv"), "earlier\n");
        try (Session session = session(TC)) {
            for (int i = 0; i < 300; i++) {
                session.insert("edge", i, i + 1);
            }
            session.run();
            Thread.currentThread().interrupt();
            try {
                JetLogException e = assertThrows(JetLogException.class,
                        () -> session.writeOutputs(out, new PrintStream(new ByteArrayOutputStream())));
                assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            } finally {
                Thread.interrupted();
            }
            assertEquals("earlier\n", Files.readString(out.resolve("path.csv")));
            try (var files = Files.list(out)) {
                assertEquals(1, files.count(), "no temporary file is left");
            }
        }
    }

    @Test
    void misuseFailsClearlyAndEarly() throws IOException {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().withThreads(100_000));
        assertEquals("thread count must be from 1 to 32767, got 100000", threads.getMessage());
        try (Session session = session(TYPES)) {
            IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                    () -> session.insertTuple("item", 1, 2, 1e40, "x"));
            assertTrue(big.getMessage().contains("does not fit a 32-bit float"), big.getMessage());
            IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                    () -> session.insertTuple("item", 1, 2, 1e-50, "x"));
            assertTrue(tiny.getMessage().contains("too small for a 32-bit float"), tiny.getMessage());
            IllegalArgumentException symbol = assertThrows(IllegalArgumentException.class,
                    () -> session.insertRows("item", new int[] {1, 2, 0, 12345}, 1));
            assertTrue(symbol.getMessage().contains("symbol id 12345"), symbol.getMessage());
        }
        Session closed = session(TYPES);
        closed.close();
        Path out = dir.resolve("never");
        assertThrows(IllegalStateException.class, () -> closed.writeOutputs(out, System.out));
        assertTrue(Files.notExists(out), "a closed session creates no directory");
    }

    // ---- threads -------------------------------------------------------------------------------

    @Test
    void sessionsOfOneProgramRunInParallelThreads() throws Exception {
        CompiledProgram program = JetLog.compile("api.dl", TC);
        int threads = 4;
        List<java.util.concurrent.Future<Long>> counts = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int length = 50 + 10 * t;
                counts.add(pool.submit(() -> {
                    try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2))) {
                        for (int i = 0; i < length; i++) {
                            session.insert("edge", i, i + 1);
                        }
                        session.run();
                        return session.count("path");
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                long length = 50 + 10 * t;
                assertEquals(length * (length + 1) / 2, counts.get(t).get(60, java.util.concurrent.TimeUnit.SECONDS),
                        "chain of " + length + " edges");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionUsedFromTwoThreadsAtOnceFailsFast() throws Exception {
        try (Session session = session(TC)) {
            for (int i = 0; i < 3000; i++) {
                session.insert("edge", i, (i + 1) % 3000);
            }
            // the listener runs inside run(), on the first user's thread: once it has fired, that thread is inside
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            session.onProgress((stratum, relations, iteration, tuples, elapsed) -> inside.countDown());
            Thread runner = new Thread(() -> {
                try {
                    session.run();
                } catch (RuntimeException e) {
                    // cancelled below
                }
            }, "first-user");
            runner.start();
            assertTrue(inside.await(60, java.util.concurrent.TimeUnit.SECONDS), "the run never reported progress");
            IllegalStateException e = null;
            try {
                session.insert("edge", 1, 2);
            } catch (IllegalStateException busy) {
                e = busy;
            }
            runner.interrupt();
            runner.join(20_000);
            assertTrue(e != null, "a second thread got in while the first was running");
            assertTrue(e.getMessage().startsWith("session used from two threads at once: insert()"), e.getMessage());
            assertTrue(e.getMessage().contains("'first-user'"), e.getMessage());
        }
    }

    // ---- queries, incremental runs, control ----------------------------------------------------------

    @Test
    void queriesContainsAndCursorsReadWithoutCopyingTheRelation() {
        try (Session session = session(TC.replace(".input edge\n", "").replace(".output path\n", "")
                .replace(".printsize path\n", ""))) {
            for (int i = 0; i < 100; i++) {
                session.insert("edge", i, i + 1);
            }
            session.run();
            try (TupleCursor from5 = session.query("path", 5, Session.ANY)) {
                assertEquals(95, from5.size());
                long sum = 0;
                while (from5.next()) {
                    assertEquals(5, from5.getInt(0));
                    sum += from5.getInt(1);
                }
                assertEquals(95 * (6 + 100) / 2, sum);
            }
            try (TupleCursor to7 = session.query("path", Session.ANY, 7)) {
                assertEquals(7, to7.size());
            }
            assertTrue(session.contains("path", 3, 90));
            assertEquals(false, session.contains("path", 90, 3));
            long all = 0;
            try (TupleCursor cursor = session.cursor("path")) {
                while (cursor.next()) {
                    all++;
                }
            }
            assertEquals(session.count("path"), all);
            assertThrows(IllegalArgumentException.class, () -> session.contains("path", 1, Session.ANY));
        }
    }

    @Test
    void aSecondRunContinuesFromTheFixpointWithIdenticalResults() {
        String program = TC.replace(".input edge\n", "").replace(".output path\n", "").replace(".printsize path\n", "")
                + ".decl unreached(x: number)\n.decl node(x: number)\nnode(x) :- edge(x, _).\nnode(y) :- edge(_, y).\n"
                + "unreached(y) :- node(y), !path(0, y), y != 0.\n";
        try (Session incremental = session(program); Session fresh = session(program)) {
            for (int i = 0; i < 50; i++) {
                incremental.insert("edge", i, i + 1);
                incremental.insert("edge", 100 + i, 101 + i);
                fresh.insert("edge", i, i + 1);
                fresh.insert("edge", 100 + i, 101 + i);
            }
            incremental.run();
            assertEquals(51, incremental.count("unreached"), "before the bridge, 100..150 are unreached");
            incremental.insert("edge", 50, 100);
            fresh.insert("edge", 50, 100);
            EvaluationStats second = incremental.run();
            fresh.run();
            assertEquals(EngineRun.results(JetLog.compile("api.dl", program), fresh),
                    EngineRun.results(JetLog.compile("api.dl", program), incremental));
            assertEquals(0, incremental.count("unreached"));
            assertTrue(second.strata().stream().mapToLong(StratumStats::candidates).sum() < 3000,
                    "the second run derives about what the new edge implies: " + second.format());
            incremental.clear("edge");
            incremental.insert("edge", 7, 8);
            incremental.run();
            assertEquals(1, incremental.count("path"), "after clear() the run starts over");
        }
    }

    @Test
    void anEqrelRelationReadsAsItsPairsAndGrowsAcrossRuns() {
        String program = """
                .decl same(x: number, y: number) eqrel
                .decl classmates(x: number, n: number)
                classmates(x, n) :- same(x, _), n = count : { same(x, _) }.
                """;
        try (Session session = session(program)) {
            for (int i = 0; i < 10; i++) {
                session.insert("same", i, i + 1); // one chain: 0..10
                session.insert("same", 100 + i, 101 + i); // another: 100..110
            }
            session.insert("same", 500, 500); // a class of one
            session.insert("same", 3, 7); // joins nothing new: not stored, as in Soufflé
            session.run();
            assertEquals(2 * 11 * 11 + 1, session.count("same"), "every pair of both classes of 11, and (500, 500)");
            try (TupleCursor of5 = session.query("same", 5, Session.ANY)) {
                assertEquals(11, of5.size());
                long sum = 0;
                while (of5.next()) {
                    sum += of5.getInt(1);
                }
                assertEquals(55, sum);
            }
            assertTrue(session.contains("same", 110, 100));
            assertEquals(false, session.contains("same", 10, 100));
            assertTrue(session.contains("classmates", 3, 11));
            session.insert("same", 10, 100); // joins the two classes
            session.run();
            assertTrue(session.contains("same", 0, 110));
            assertTrue(session.contains("same", 500, 500), "the class of one survives the classes' rebuild");
            assertEquals(22 * 22 + 1, session.count("same"));
            assertTrue(session.contains("classmates", 3, 22));
            assertEquals(List.of("same", "classmates"), JetLog.compile("eq.dl", program).relationNames(),
                    "its hidden relations are not the user's");
            assertThrows(IllegalArgumentException.class, () -> session.count("same@class"));
        }
    }

    @Test
    void cancelTimeoutAndProgressControlARun() throws Exception {
        try (Session session = session(TC)) {
            for (int i = 0; i < 3000; i++) {
                session.insert("edge", i, (i + 1) % 3000);
            }
            List<Integer> iterations = new java.util.concurrent.CopyOnWriteArrayList<>();
            session.onProgress((stratum, relations, iteration, tuples, elapsed) -> {
                iterations.add(iteration);
                if (iteration == 5) {
                    session.cancel();
                }
            });
            EvaluationCancelledException cancelled = assertThrows(EvaluationCancelledException.class, session::run);
            assertTrue(cancelled.getMessage().contains("iteration 6"), cancelled.getMessage());
            assertEquals(List.of(2, 3, 4, 5), iterations, "progress after every iteration");
            session.onProgress(null);
            EvaluationCancelledException timedOut = assertThrows(EvaluationCancelledException.class,
                    () -> session.run(java.time.Duration.ofMillis(200)));
            assertTrue(timedOut.getMessage().startsWith("evaluation stopped after the timeout of PT0.2S"),
                    timedOut.getMessage());
            assertThrows(IllegalStateException.class, () -> session.count("path"));
        }
        try (Session small = session(TC)) {
            small.insert("edge", 1, 2);
            small.run(java.time.Duration.ofSeconds(30));
            assertEquals(1, small.count("path"), "a run within its timeout completes");
        }
    }
}
