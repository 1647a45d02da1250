// JMH: whole programs (TC, SG) through the Java API on a generated graph, per backend and thread
// count. Setup compiles the program and loads the graph; each invocation evaluates to the fixpoint.
package dev.jetlog.jmh;

import dev.jetlog.datasets.ExamplePrograms;
import dev.jetlog.datasets.GraphGenerator;
import dev.jetlog.datasets.IntRows;
import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class ProgramBenchmark {
    @Param({"tc", "sg"})
    String program;

    @Param({"cpu"})
    String backend;

    @Param({"1", "2"})
    int threads;

    /** Nodes of the random graph; it has three times as many edges. */
    @Param({"3000"})
    int nodes;

    private Session session;

    @Setup(Level.Trial)
    public void setUp() {
        CompiledProgram compiled = JetLog.compile(program + ".dl", ExamplePrograms.source(program));
        session = compiled.newSession(EngineOptions.defaults().withBackend(backend).withThreads(threads));
        IntRows edges = GraphGenerator.random(nodes, 3 * nodes, 7L);
        session.insertRows("edge", edges.data(), edges.size());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public long evaluate() {
        session.run();
        return session.count(program.equals("tc") ? "path" : "sg");
    }
}
