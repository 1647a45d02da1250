// JMH: incremental runs. Setup evaluates TC on a shared graph from scratch; each invocation inserts a
// batch of new edges and runs again, continuing from the fixpoint. Compare with the from-scratch run that
// setup reports (ProgramBenchmark measures it too) for the ratio.
package dev.jetlog.jmh;

import dev.jetlog.datasets.SharedDatasets;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class IncrementalBenchmark {
    @Param({"p2p-Gnutella04"})
    String graph;

    @Param({"100"})
    int edges;

    @Param({"cpu"})
    String backend;

    private Session session;
    private int nodes;
    private final SplittableRandom random = new SplittableRandom(99);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path shared = SharedDatasets.locate().orElseThrow(() -> new IllegalStateException("no ../shared folder"));
        CompiledProgram program = JetLog.compile("tc.dl", Files.readString(shared.resolve("programs/tc.dl")));
        session = program.newSession(EngineOptions.defaults().withBackend(backend).withThreads(2));
        Path dir = Files.createTempDirectory("jetlog-incremental");
        Files.createSymbolicLink(dir.resolve("edge.facts"), shared.resolve("datasets/graphs/" + graph + ".tsv"));
        session.loadInputs(dir);
        long start = System.nanoTime();
        session.run();
        System.out.printf("%nfrom scratch: %.0f ms, %,d paths%n", (System.nanoTime() - start) / 1e6, session.count("path"));
        int max = 0;
        try (var cursor = session.cursor("edge")) {
            while (cursor.next()) {
                max = Math.max(max, Math.max(cursor.getInt(0), cursor.getInt(1)));
            }
        }
        nodes = max + 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public long insertAndRun() {
        for (int i = 0; i < edges; i++) {
            session.insert("edge", random.nextInt(nodes), random.nextInt(nodes));
        }
        session.run();
        return session.count("path");
    }
}
