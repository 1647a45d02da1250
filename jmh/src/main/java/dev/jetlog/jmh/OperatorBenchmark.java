// JMH: the operators of the semi-naive loop through the Backend SPI, per backend and size, on random
// binary relations over a graph-like domain: sort-unique of candidates, their difference with full,
// the merge of a delta into full, a HISA index build on full's second column, and a join of the delta
// with full on that index. A backend that cannot run here fails its setup with the reason (the JMH
// run goes on with the others); BackendComparison skips it up front and says why.
package dev.jetlog.jmh;

import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;
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

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class OperatorBenchmark {
    @Param({"cpu", "opencl", "cuda"})
    String backend;

    /** Candidate rows; full has as many, the delta about a third. */
    @Param({"100000", "1000000", "10000000"})
    int rows;

    @Param({"2"})
    int threads;

    private Backend engine;
    private Rows candidates;
    private Rows full;
    private Rows delta;
    private Index fullBySecond;
    private Prepared<JoinStep> join;

    @Setup(Level.Trial)
    public void setUp() {
        engine = BackendRegistry.select(backend).create(BackendOptions.threads(threads));
        SplittableRandom random = new SplittableRandom(42);
        int domain = Math.max(1000, rows / 8);
        candidates = upload(random, rows, domain);
        full = engine.sortUnique(upload(random, rows, domain));
        delta = engine.sortUniqueDifference(candidates, full);
        IndexSpec bySecond = new IndexSpec(new int[] {1, 0}, 1);
        fullBySecond = engine.index(full, bySecond);
        // out(t0, in1) :- delta(in0, in1), full(t0, in0): a TC step
        join = engine.prepare(JoinStep.of(2, new RelationRef("full", Version.FULL), bySecond,
                List.of(new ColumnRef(Side.INPUT, 0)), List.of(),
                List.of(new ColumnRef(Side.TUPLE, 0), new ColumnRef(Side.INPUT, 1))));
    }

    private Rows upload(SplittableRandom random, int n, int domain) {
        int[] data = new int[2 * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(domain);
        }
        return engine.upload(2, data, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public long sortUnique() {
        return released(engine.sortUnique(candidates));
    }

    @Benchmark
    public long difference() {
        Rows unique = engine.sortUnique(candidates);
        try {
            return released(engine.difference(unique, full));
        } finally {
            engine.release(unique);
        }
    }

    @Benchmark
    public long merge() {
        return released(engine.merge(engine.share(full), delta));
    }

    @Benchmark
    public long index() {
        Index index = engine.index(full, new IndexSpec(new int[] {1, 0}, 1));
        engine.download(full, 0, 1);
        engine.release(index);
        return full.size();
    }

    @Benchmark
    public long join() {
        return released(engine.join(join, delta, fullBySecond));
    }

    /** Waits for the result (a device queues work; a download waits for it), then releases it. */
    private long released(Rows result) {
        long size = result.size();
        if (size > 0) {
            engine.download(result, size - 1, size);
        }
        engine.release(result);
        return size;
    }
}
