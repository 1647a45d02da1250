// Engine-agnostic suite for the magic-set transformation (`.pragma "magic-transform"`): the outputs are those of
// bottom-up evaluation while the work follows the query (Soufflé's magic_samegen problem on a binary tree), on
// programs that mix it with negation, aggregates and relations excluded from it, through the API's incremental
// runs and its inserts into a transformed relation. Each backend's tests extend it.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.eval.StratumStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public abstract class MagicSetSuite {
    /** The backend under test, as named on the command line. */
    protected abstract String backend();

    @BeforeEach
    void requireBackend() {
        BackendRequirement.check(backend());
    }

    /** Same generation on a complete binary tree (node k has children 2k and 2k + 1, 1 is the root). */
    private static final String SAMEGEN = """
            .decl parent(child: number, parent: number)
            .decl node(x: number)
            .decl samegen(x: number, y: number)
            samegen(x, x) :- node(x).
            samegen(x, y) :- parent(x, a), samegen(a, b), parent(y, b).
            .decl yes()
            .output yes
            yes() :- samegen(512, 1023).
            .decl no()
            .output no
            no() :- samegen(512, 511).
            .decl cousins(y: number)
            .output cousins
            cousins(y) :- samegen(600, y), y < 520.
            """;

    private static final int TREE_NODES = 1023;

    private EngineRun tree(String source) {
        EngineRun run = EngineRun.program(source);
        for (int node = 1; node <= TREE_NODES; node++) {
            run.fact("node", node);
            if (node > 1) {
                run.fact("parent", node, node / 2);
            }
        }
        return run;
    }

    private static long candidates(EngineRun.Outcome outcome) {
        return outcome.stats().strata().stream().mapToLong(StratumStats::candidates).sum();
    }

    @Test
    void sameGenerationFollowsTheQueryNotTheTree() {
        EngineRun.Outcome magic = tree(".pragma \"magic-transform\" \"*\"\n" + SAMEGEN).execute(backend(), 2);
        EngineRun.Outcome bottomUp = tree(SAMEGEN).execute(backend(), 2);
        for (String output : List.of("yes", "no", "cousins")) {
            assertEquals(bottomUp.relations().get(output), magic.relations().get(output), output);
        }
        assertEquals(List.of(""), magic.relations().get("yes"), "the one tuple of a nullary relation");
        assertEquals(List.of(), magic.relations().get("no"));
        assertEquals(8, magic.relations().get("cousins").size(), "the bottom nodes 512 to 519");
        // bottom-up derives every pair of a level (349,525 tuples); the magic program only what the queries reach
        assertEquals(349_525, bottomUp.relations().get("samegen").size());
        assertTrue(candidates(magic) < 10_000, "magic program derived " + candidates(magic) + " candidates");
        assertEquals(List.of(), magic.relations().get("samegen"), "samegen itself is not read in full");
    }

    private static final String MIXED = """
            .pragma "magic-transform" "*"
            .decl edge(x: number, y: number)
            .decl blocked(x: number)
            .decl reach(x: number, y: number)
            reach(x, y) :- edge(x, y), !blocked(y).
            reach(x, z) :- reach(x, y), edge(y, z), !blocked(z).
            .decl far(x: number, y: number)
            far(x, y) :- reach(x, y), y > x + 3.
            .decl fromTwo(y: number)
            .output fromTwo
            fromTwo(y) :- far(2, y).
            .decl outDegree(x: number, n: number)
            outDegree(x, n) :- edge(x, _), n = count : { reach(x, _) }.
            .decl busy(x: number)
            .output busy
            busy(x) :- outDegree(x, n), n > 5, !reach(x, 13), x != 4.
            .decl kept(x: number, y: number) no_magic
            kept(x, y) :- reach(x, y), x = 1.
            .decl viaKept(y: number)
            .output viaKept
            viaKept(y) :- kept(1, y), far(1, y).
            """;

    private EngineRun mixed(String source) {
        EngineRun run = EngineRun.program(source);
        for (int x = 0; x < 30; x++) {
            run.fact("edge", x, (x * 7 + 3) % 30);
            run.fact("edge", x, (x + 1) % 30);
        }
        run.fact("blocked", 13);
        run.fact("blocked", 22);
        return run;
    }

    @Test
    void negationAggregatesAndExcludedRelationsGiveTheBottomUpOutputs() {
        Map<String, List<String>> magic = mixed(MIXED).run(backend(), 2);
        Map<String, List<String>> bottomUp = mixed(MIXED.replace(".pragma \"magic-transform\" \"*\"\n", "")).run(backend(), 2);
        for (String output : List.of("fromTwo", "busy", "viaKept")) {
            assertEquals(bottomUp.get(output), magic.get(output), output);
            assertTrue(!magic.get(output).isEmpty(), output + " is empty: the test would show nothing");
        }
        // reach is counted in an aggregate and negated, kept is no_magic: both are computed in full
        assertEquals(bottomUp.get("reach"), magic.get("reach"));
        assertEquals(bottomUp.get("kept"), magic.get("kept"));
    }

    @Test
    void incrementalRunsAndInsertsIntoATransformedRelationKeepTheOutputsExact() {
        String source = ".pragma \"magic-transform\" \"*\"\n" + SAMEGEN;
        CompiledProgram program = JetLog.compile("samegen.dl", source);
        try (Session session = program.newSession(EngineOptions.defaults().withBackend(backend()).withThreads(2))) {
            for (int node = 1; node <= 511; node++) {
                session.insert("node", node);
                if (node > 1) {
                    session.insert("parent", node, node / 2);
                }
            }
            session.run();
            assertEquals(0, session.count("yes"), "512 and 1023 are not in the tree yet");
            for (int node = 512; node <= TREE_NODES; node++) {
                session.insert("node", node);
                session.insert("parent", node, node / 2);
            }
            session.run();
            assertEquals(1, session.count("yes"));
            assertEquals(8, session.count("cousins"));
            // a pair put into samegen through the API is seen by the queries that read it
            session.insert("samegen", 512, 511);
            session.run();
            assertEquals(1, session.count("no"));
        }
    }
}
