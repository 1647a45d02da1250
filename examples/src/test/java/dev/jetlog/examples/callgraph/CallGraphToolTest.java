// The example tool on JetLog's own classes: facts that are known to be true of them must come out.
package dev.jetlog.examples.callgraph;

import dev.jetlog.seminaive.api.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallGraphToolTest {
    private static final String MAIN = "dev.jetlog.cli.Main.main([Ljava/lang/String;)V";
    private static final String EXECUTE = "dev.jetlog.cli.ProgramRun.execute()V";
    private static CallGraph graph;

    @BeforeAll
    static void analyseJetLog() throws URISyntaxException {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> type : List.of(dev.jetlog.cli.Main.class, dev.jetlog.seminaive.api.Session.class,
                dev.jetlog.cpu.CpuBackend.class, dev.jetlog.gpu.GpuBackend.class, dev.jetlog.planner.Planner.class,
                dev.jetlog.parser.DatalogParser.class, dev.jetlog.hisa.Tuples.class, dev.jetlog.datasets.FactsReader.class)) {
            locations.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        FactExtractor extractor = new FactExtractor("dev.jetlog");
        locations.forEach(extractor::read);
        assertTrue(extractor.classes() > 200, extractor.classes() + " classes");
        graph = new CallGraph(extractor.facts(), EngineOptions.defaults().withBackend("cpu").withThreads(2));
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void theCommandLineReachesTheRunAndTheEvaluator() {
        assertTrue(graph.reachable(MAIN, false));
        assertTrue(graph.reachable(EXECUTE, false), "Main.main -> Main.run -> ProgramRun.execute");
        assertTrue(graph.reachable(EXECUTE, true), "ProgramRun is instantiated on the way, so RTA agrees");
        assertTrue(graph.reachable("dev.jetlog.seminaive.eval.Evaluator.evaluate()Ldev/jetlog/seminaive/eval/EvaluationStats;",
                false));
    }

    @Test
    void anInterfaceCallResolvesToItsImplementations() {
        String release = "release(Ldev/jetlog/seminaive/spi/Rows;)V";
        // Candidates calls backend.release(rows) through the Backend interface (also as a method reference)
        StringBuilder callees = new StringBuilder();
        graph.edgesFrom("dev.jetlog.seminaive.eval.Candidates", false).forEach(e -> callees.append(e[1]).append('\n'));
        String everything = callees.toString();
        assertTrue(everything.contains("dev.jetlog.cpu.CpuBackend." + release), everything);
        assertTrue(everything.contains("dev.jetlog.gpu.GpuBackend." + release), everything);
        assertFalse(everything.contains("dev.jetlog.seminaive.spi.Backend." + release), "an abstract method runs nowhere");
    }

    @Test
    void rtaIsNoLargerThanCha() {
        assertTrue(graph.count("rtaReachable") <= graph.count("chaReachable"));
        assertTrue(graph.count("rtaEdge") < graph.count("chaEdge"), "instantiated types narrow the call graph");
        assertTrue(graph.count("polymorphicCall") > 10);
    }
}
