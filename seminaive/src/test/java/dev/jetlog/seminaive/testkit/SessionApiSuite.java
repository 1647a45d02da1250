// Engine-agnostic suite for the public Java API: inserting facts of every type, running again after
// more inserts, reading tuples and counts, the program's .input/.output files, and clear errors for
// misuse. Each backend's tests extend it and name the backend.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.parser.DatalogException;
import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.api.Tuple;
import dev.jetlog.seminaive.eval.EvaluationStats;
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
        DatalogException e = assertThrows(DatalogException.class, () -> JetLog.compile("bad.dl", ".decl e(x: number)\ne(y)."));
        assertTrue(e.getMessage().startsWith("bad.dl:2:3: error:"), e.getMessage());
        assertTrue(e.render().contains("e(y).\n  ^"), e.render());
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
}
