// JMH: the HISA set operators of the semi-naive loop (sort-unique, difference, merge, index build)
// on random binary relations, by size and thread count.
package dev.jetlog.jmh;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.cpu.hisa.SetOperations;
import dev.jetlog.cpu.hisa.SortUnique;
import dev.jetlog.hisa.Tuples;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+UseParallelGC"})
public class SetOperatorsBenchmark {
    /** Rows of the candidate relation (the full relation has twice as many). */
    @Param({"4000000"})
    int rows;

    /** Distinct values per column: 9000 is the node count of p2p-Gnutella09. */
    @Param({"9000"})
    int domain;

    @Param({"1", "2"})
    int threads;

    private Parallel parallel;
    private Tuples candidates;
    private Tuples sortedNew;
    private Tuples sortedFull;
    private Tuples sortedDelta;

    @Setup(Level.Trial)
    public void setUp() {
        parallel = Parallel.of(threads);
        SplittableRandom random = new SplittableRandom(42);
        candidates = random(random, rows);
        sortedNew = SortUnique.sortUnique(candidates, parallel);
        sortedFull = SortUnique.sortUnique(random(random, 2 * rows), parallel);
        sortedDelta = SetOperations.difference(sortedNew, sortedFull, parallel);
    }

    private Tuples random(SplittableRandom random, int n) {
        int[] data = new int[2 * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(domain);
        }
        return new Tuples(2, data, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public Tuples sortUnique() {
        return SortUnique.sortUnique(candidates, parallel);
    }

    @Benchmark
    public Tuples difference() {
        return SetOperations.difference(sortedNew, sortedFull, parallel);
    }

    @Benchmark
    public Tuples merge() {
        return SetOperations.merge(sortedFull, sortedDelta, null, parallel);
    }

    @Benchmark
    public HisaIndex indexOnSecondColumn() {
        return HisaIndex.build(sortedFull, new int[] {1, 0}, 1, parallel);
    }
}
