// JMH: whole programs of ../shared/programs on the shared graphs and analysis inputs, through the Java
// API, per backend and thread count. Setup compiles the program once, and before each invocation opens a
// new session with the inputs loaded (untimed); each invocation evaluates to the fixpoint. Without
// ../shared the setup fails with the reason.
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class ProgramBenchmark {
    /** program/input: a graph of shared/datasets/graphs, or an input folder of shared/datasets/analysis. */
    @Param({"tc/OL.cedge", "tc/cti", "sg/TG.cedge", "cspa/httpd-cspa10k"})
    String workload;

    @Param({"cpu", "opencl", "cuda"})
    String backend;

    @Param({"2"})
    int threads;

    private CompiledProgram compiled;
    private Path facts;
    private String output;
    private Session session;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        Path shared = SharedDatasets.locate().orElseThrow(() -> new IllegalStateException(
                "no ../shared folder (set -Djetlog.shared=DIR): the program benchmarks read its graphs"));
        String program = workload.substring(0, workload.indexOf('/'));
        String input = workload.substring(workload.indexOf('/') + 1);
        String source = Files.readString(shared.resolve("programs/" + program + ".dl"));
        compiled = JetLog.compile(program + ".dl", source);
        output = compiled.outputRelations().get(0);
        facts = factsFolder(shared, input);
    }

    /**
     * A new session with the inputs loaded, before each evaluation: a session that has run already would
     * only run incrementally (over no changes) and measure nothing.
     */
    @Setup(Level.Invocation)
    public void load() {
        session = compiled.newSession(EngineOptions.defaults().withBackend(backend).withThreads(threads));
        try {
            session.loadInputs(facts);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Path factsFolder(Path shared, String input) {
        Path analysis = shared.resolve("datasets/analysis/" + input);
        if (Files.isDirectory(analysis)) {
            return analysis;
        }
        try {
            Path dir = Files.createTempDirectory("jetlog-bench");
            Files.createSymbolicLink(dir.resolve("edge.facts"), shared.resolve("datasets/graphs/" + input + ".tsv"));
            dir.toFile().deleteOnExit();
            dir.resolve("edge.facts").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Invocation)
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Benchmark
    public long evaluate() {
        session.run();
        return session.count(output);
    }
}
