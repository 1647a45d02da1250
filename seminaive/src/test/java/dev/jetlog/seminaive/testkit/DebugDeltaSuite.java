// Engine-agnostic suite for Soufflé's evaluation-order features: `.decl d = debug_delta(r)` (r's tuples, each
// with the iteration that added it) and recursive_iteration_cnt() (the iteration being evaluated), in single and
// mutual recursion, in a component, read by a later stratum, under the magic-set transformation, and across
// incremental runs of the API. The expected rows are what Soufflé 2.5's interpreter printed for the same
// programs, run with its never-settling ReduceExistentials/RemoveRedundantRelations passes turned off.
// Each backend's tests extend it.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

public abstract class DebugDeltaSuite extends OneProgramSuite {

    @Test
    void anIncrementalRunNumbersIterationsAsAFreshRunDoes() {
        CompiledProgram compiled = JetLog.compile("counter.dl", """
                .decl e(x: number, y: number)
                .decl hops(x: number, y: number, i: unsigned)
                hops(x, y, recursive_iteration_cnt()) :- e(x, y).
                hops(x, z, recursive_iteration_cnt()) :- hops(x, y, _), e(y, z).
                """);
        try (Session incremental = session(compiled); Session fresh = session(compiled)) {
            incremental.insertTuple("e", 1, 2);
            incremental.run();
            incremental.insertTuple("e", 2, 3);
            incremental.run();
            fresh.insertTuple("e", 1, 2);
            fresh.insertTuple("e", 2, 3);
            fresh.run();
            // hops(1, 3) takes one iteration from scratch, whatever run the edge (2, 3) came in
            assertEquals(sorted("1\t2\t0", "1\t3\t1", "2\t3\t0"), rows(fresh, "hops"));
            assertEquals(rows(fresh, "hops"), rows(incremental, "hops"));
        }
    }

    @Test
    void theApiRefusesFactsForADebugRelation() {
        CompiledProgram compiled = JetLog.compile("api.dl", ".decl e(x: number)\n.decl e_delta = debug_delta(e)\n");
        try (Session session = session(compiled)) {
            String expected = "relation 'e_delta' is filled by debug_delta(e): it cannot take facts";
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> session.insert("e_delta", 1, 0)).getMessage());
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> session.insertTuple("e_delta", 1, 0)).getMessage());
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> session.insertRows("e_delta", new int[] {1, 0}, 1)).getMessage());
            session.insert("e", 7);
            session.run();
            assertEquals(List.of("7\t0"), rows(session, "e_delta"));
        }
    }

    /** Paths with their debug relation, and the paths found in the third iteration or later. */
    private static final String PATHS = """
            .decl edge(x: number, y: number)
            .decl path(x: number, y: number)
            path(x, y) :- edge(x, y).
            path(x, z) :- path(x, y), edge(y, z).
            .decl path_delta = debug_delta(path)
            .decl late(x: number, y: number)
            late(x, y) :- path_delta(x, y, i), i >= 2.
            """;

    private static final String PROGRAM = PATHS + """
            edge(1, 2). edge(2, 3). edge(3, 4). edge(10, 11). edge(11, 10).
            .decl a(x: number)
            .decl b(x: number)
            a(1).
            a(x + 1) :- b(x), x < 4.
            b(x) :- a(x), x > 0.
            .decl a_delta = debug_delta(a)
            .decl b_delta = debug_delta(b)
            .decl hops(x: number, y: number, i: unsigned)
            hops(x, y, recursive_iteration_cnt()) :- edge(x, y).
            hops(x, z, recursive_iteration_cnt()) :- hops(x, y, _), edge(y, z), x != z, x < 5.
            .comp Reach {
                .decl step(x: number, y: number)
                .decl reach(x: number)
                reach(1).
                reach(y) :- reach(x), step(x, y).
                .decl reach_delta = debug_delta(reach)
            }
            .init r = Reach
            r.step(x, y) :- edge(x, y).
            """;

    @Override
    protected String program() {
        return PROGRAM;
    }

    @Test
    void aDebugRelationNumbersEachTupleByTheIterationThatAddedIt() {
        assertEquals(sorted("1\t2\t0", "1\t3\t1", "1\t4\t2", "2\t3\t0", "2\t4\t1", "3\t4\t0", "10\t10\t1",
                "10\t11\t0", "11\t10\t0", "11\t11\t1"), result.get("path_delta"));
        assertEquals(sorted("1\t0", "2\t1", "3\t2", "4\t3"), result.get("r.reach_delta"));
    }

    @Test
    void mutuallyRecursiveRelationsShareTheirStratumsIterations() {
        assertEquals(sorted("1\t0", "2\t2", "3\t4", "4\t6"), result.get("a_delta"));
        assertEquals(sorted("1\t1", "2\t3", "3\t5", "4\t7"), result.get("b_delta"));
    }

    @Test
    void twoDebugRelationsOfOneRelationHoldTheSameRows() {
        Map<String, List<String>> rows = EngineRun.program("""
                .decl e(x: number, y: number)
                e(1, 2). e(2, 3).
                .decl p(x: number, y: number)
                p(x, y) :- e(x, y).
                p(x, z) :- p(x, y), e(y, z).
                .decl d1 = debug_delta(p)
                .decl d2 = debug_delta(p)
                """).run(backend(), 2);
        assertEquals(sorted("1\t2\t0", "1\t3\t1", "2\t3\t0"), rows.get("d1"));
        assertEquals(rows.get("d1"), rows.get("d2"));
    }

    @Test
    void aLaterStratumReadsADebugRelationLikeAnyOther() {
        assertEquals(List.of("1\t4"), result.get("late"));
    }

    @Test
    void theIterationCounterIsZeroInTheFirstPassThenCountsTheLoop() {
        assertEquals(sorted("1\t2\t0", "1\t3\t1", "1\t4\t2", "2\t3\t0", "2\t4\t1", "3\t4\t0", "10\t11\t0",
                "11\t10\t0"), result.get("hops"));
    }

    @Test
    void theMagicSetTransformationLeavesTheNumbersAlone() {
        Map<String, List<String>> rows = EngineRun.program(".pragma \"magic-transform\" \"*\"\n" + PROGRAM
                + ".decl q(y: number)\nq(y) :- path(1, y).\n.output q\n").run(backend(), 2);
        assertEquals(result.get("path_delta"), rows.get("path_delta"));
        assertEquals(result.get("a_delta"), rows.get("a_delta"));
        assertEquals(sorted("2", "3", "4"), rows.get("q"));
    }

    @Test
    void anIncrementalRunRenumbersWhatNowComesEarlier() {
        CompiledProgram compiled = JetLog.compile("incremental.dl", PATHS);
        try (Session session = session(compiled)) {
            session.insertTuple("edge", 1, 2);
            session.insertTuple("edge", 2, 3);
            session.insertTuple("edge", 3, 4);
            session.run();
            assertEquals(List.of("1\t4"), rows(session, "late"));
            session.insertTuple("edge", 1, 4);
            session.run();
            // path(1, 4) now comes from an edge, in the first pass, as a fresh run numbers it
            assertEquals(sorted("1\t2\t0", "1\t3\t1", "1\t4\t0", "2\t3\t0", "2\t4\t1", "3\t4\t0"),
                    rows(session, "path_delta"));
            assertEquals(List.of(), rows(session, "late"));
        }
    }
}
