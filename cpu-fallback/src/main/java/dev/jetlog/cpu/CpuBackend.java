// The multithreaded CPU backend: relations as HISA tuples in JVM arrays, every operator split into
// chunks over a pool of the configured number of threads, each chunk writing its own buffer.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.RunLookup;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.cpu.hisa.SetOperations;
import dev.jetlog.cpu.hisa.SortUnique;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.seminaive.spi.AbsentRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.DenseSet;
import dev.jetlog.seminaive.spi.HostFunctions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

public final class CpuBackend implements Backend {
    /** Shuts down the worker pool of a backend that was never closed, once it is unreachable. */
    private static final Cleaner CLEANER = Cleaner.create();

    /** Share of the JVM's maximum heap that relations, indexes and candidates may hold by default. */
    static final double DEFAULT_HEAP_SHARE = 0.6;
    /** Merged sizes (values) up to which a merge target's room is half its size without asking the heap. */
    private static final long SMALL_MERGE_VALUES = 1 << 16;

    private final Parallel parallel;
    private final Cleaner.Cleanable cleanable;
    private final long memoryCapacity;
    private final ExprCompiler compiler;

    public CpuBackend(int threads) {
        this(threads, 0, HostFunctions.NONE);
    }

    /** @param memoryBudget bytes for relations, indexes and candidates; 0 for a share of the maximum heap */
    public CpuBackend(int threads, long memoryBudget, HostFunctions symbols) {
        this.compiler = new ExprCompiler(symbols);
        this.parallel = Parallel.of(threads);
        this.cleanable = CLEANER.register(this, parallel::close);
        this.memoryCapacity = memoryBudget > 0 ? memoryBudget
                : (long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE);
    }

    @Override
    public long memoryCapacity() {
        return memoryCapacity;
    }

    @Override
    public long bytes(Rows rows) {
        return ((CpuRows) rows).bytes();
    }

    @Override
    public long bytes(Index index) {
        if (index instanceof KnownRowsIndex) {
            return 0;
        }
        return ((CpuIndex) index).bytes();
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu (" + parallel.threads() + (parallel.threads() == 1 ? " thread)" : " threads)");
    }

    @Override
    public Rows upload(int arity, int[] rowMajor, int rowCount) {
        return new CpuRows(new Tuples(arity, Arrays.copyOf(rowMajor, rowCount * arity), rowCount));
    }

    @Override
    public int[] download(Rows rows, long from, long to) {
        Tuples tuples = tuples(rows);
        if (from < 0 || to > tuples.size() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + tuples.size());
        }
        int arity = tuples.arity();
        return Arrays.copyOfRange(tuples.data(), (int) from * arity, (int) to * arity);
    }

    @Override
    public Rows empty(int arity) {
        return new CpuRows(Tuples.empty(arity));
    }

    @Override
    public Rows share(Rows rows) {
        return new CpuRows(tuples(rows));
    }

    @Override
    public Rows slice(Rows rows, long from, long to) {
        // a view: a join reads the range where it lies, other operators copy it out when they first read it
        return ((CpuRows) rows).slice(from, to);
    }

    @Override
    public Rows concat(List<Rows> parts) {
        return new CpuRows(SetOperations.concat(tuplesOf(parts), parallel));
    }

    @Override
    public Rows sortUnique(Rows rows) {
        return new CpuRows(SortUnique.sortUnique(tuples(rows), parallel));
    }

    @Override
    public Rows sortUniqueDifference(Rows rows, Rows sortedFull) {
        return new CpuRows(SortUnique.sortUniqueMinus(tuples(rows), tuples(sortedFull), parallel));
    }

    @Override
    public Rows sortUnique(List<Rows> parts) {
        return new CpuRows(SortUnique.sortUniqueMinus(tuplesOf(parts), null, parallel));
    }

    @Override
    public Rows sortUniqueDifference(List<Rows> parts, Rows sortedFull) {
        return new CpuRows(SortUnique.sortUniqueMinus(tuplesOf(parts),
                tuples(sortedFull), parallel));
    }

    @Override
    public Rows difference(Rows sorted, Rows sortedFull) {
        Tuples rows = tuples(sorted);
        Tuples kept = SetOperations.difference(rows, tuples(sortedFull), parallel);
        // rows that lose nothing come back as they are: the caller releases the input, a no-op for JVM arrays
        return kept == rows ? sorted : new CpuRows(kept);
    }

    /**
     * Room to leave after a merge target's needed values, so that the next merge into it is made in place. The
     * relation store merges a newer tier into the one before it once it holds a quarter of that one's rows,
     * so the next merge brings about a quarter to a half of the merged size: half leaves room for it. With an
     * eighth (before), points-to 1000 allocated 58 tier merge targets, 3.1 GB (2.3 GB in 44 with half), and
     * G1 grew the heap further for them. Half only while it takes at most an eighth of the heap still free,
     * else an eighth; never less than the delta just merged. A final merge ({@link #mergeFinal}) leaves none:
     * with half there too, TC on p2p-Gnutella09 peaked at 732 MB instead of 567 MB (its last merge's room
     * was zeroed and never used); with none there, 551 MB.
     */
    private static long headroom(long needed, long deltaValues) {
        if (needed <= SMALL_MERGE_VALUES) {
            // a small full's room costs less than asking the heap (three calls into the JVM, once per merge
            // of a long loop's one-row deltas) how much it has
            return Math.max(needed / 2, deltaValues);
        }
        Runtime runtime = Runtime.getRuntime();
        long freeValues = (runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory())) / Integer.BYTES;
        long half = needed / 2;
        return Math.max(half <= freeValues / 8 ? half : needed / 8, deltaValues);
    }

    @Override
    public Rows merge(Rows sortedFull, Rows sortedDelta) {
        return merge(sortedFull, sortedDelta, true);
    }

    /** A merge into an array of exactly the merged size (unless full's own array has room). */
    @Override
    public Rows mergeFinal(Rows sortedFull, Rows sortedDelta) {
        return merge(sortedFull, sortedDelta, false);
    }

    private Rows merge(Rows sortedFull, Rows sortedDelta, boolean roomToGrow) {
        CpuRows full = (CpuRows) sortedFull;
        Tuples delta = tuples(sortedDelta);
        if (delta.isEmpty()) {
            return full;
        }
        int arity = full.arity();
        long needed = (full.size() + delta.size()) * arity;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("relation exceeds 2^31 values");
        }
        if (full.tuples().data().length >= needed) {
            // full is consumed (the SPI's contract): its headroom takes the delta; only the rows the threads
            // copy aside are allocated (about half the delta on two threads)
            return new CpuRows(SetOperations.mergeInPlace(full.tuples(), delta, parallel));
        }
        long withHeadroom = !roomToGrow ? needed
                : Math.min(Integer.MAX_VALUE - 16, needed + headroom(needed, (long) delta.size() * arity));
        int[] target;
        try {
            target = new int[(int) withHeadroom];
        } catch (OutOfMemoryError e) {
            if (withHeadroom == needed) {
                throw e; // the same allocation again would only fail again; both inputs are as they were
            }
            target = new int[(int) needed]; // no room for growth in a heap this full; if even this fails, the
                                            // caller sees the error with both inputs as they were
        }
        Tuples merged = SetOperations.merge(full.tuples(), delta, target, parallel);
        return new CpuRows(merged);
    }

    @Override
    public DenseSet denseSet(List<Rows> rows, long maxBytes) {
        return DenseBitSet.create(tuplesOf(rows), null, maxBytes, parallel);
    }

    @Override
    public DenseSet denseSet(List<Rows> rows, int[][] columnValues, long maxBytes) {
        return DenseBitSet.create(tuplesOf(rows), columnValues, maxBytes, parallel);
    }

    @Override
    public int[] columnValues(List<Rows> rows, int column) {
        return ColumnValues.distinct(tuplesOf(rows), column);
    }

    @Override
    public AbsentRows addAbsent(DenseSet set, Rows rows) {
        DenseBitSet bits = (DenseBitSet) set;
        Tuples tuples = tuples(rows);
        int arity = tuples.arity();
        int[] data = tuples.data();
        LongAdder added = new LongAdder();
        Tuples outside = ChunkedOutput.run(parallel, tuples.size(), arity, 64, tuples.size(), (from, to, out) -> {
            long addedHere = 0;
            for (int row = from; row < to; row++) {
                int base = row * arity;
                long bit = bits.bitOf(data, base);
                if (bit < 0) {
                    int at = out.reserve(1, arity);
                    System.arraycopy(data, base, out.current(), at, arity);
                } else if (bits.add(bit)) {
                    addedHere++;
                }
            }
            added.add(addedHere);
        });
        return new AbsentRows(new CpuRows(outside), added.sum(), tuples.size());
    }

    @Override
    public AbsentRows joinAbsent(Prepared<JoinStep> step, Rows input, Index index, DenseSet set) {
        JoinOperator.Filtered filtered = operator(step, JoinOperator.class)
                .runAbsent(tuples(input), lookup(index), parallel, (DenseBitSet) set);
        return new AbsentRows(new CpuRows(filtered.outside()), filtered.added(), filtered.derived());
    }

    @Override
    public AbsentRows joinJoinAbsent(Prepared<JoinStep> first, Index firstIndex, Prepared<JoinStep> second,
                                     Index secondIndex, Rows input, DenseSet set) {
        JoinOperator.Filtered filtered = operator(first, JoinOperator.class).runThenAbsent(tuples(input),
                lookup(firstIndex), operator(second, JoinOperator.class), lookup(secondIndex), parallel, (DenseBitSet) set);
        return new AbsentRows(new CpuRows(filtered.outside()), filtered.added(), filtered.derived());
    }

    @Override
    public Rows takeAdded(DenseSet set) {
        return new CpuRows(((DenseBitSet) set).takeAdded(parallel));
    }

    @Override
    public Index knownIndex(Prepared<JoinStep> step, DenseSet set, List<Index> tierIndexes) {
        if (!operator(step, JoinOperator.class).checksWholeRowExistence()) {
            return null;
        }
        IndexSpec spec = ((CpuIndex) tierIndexes.get(0)).spec();
        List<HisaIndex> tiers = tierIndexes.stream().map(CpuBackend::hisa).toList();
        return new KnownRowsIndex(spec, tierIndexes.get(0).rows(), new DenseSetLookup((DenseBitSet) set, spec.order(), tiers));
    }

    @Override
    public long bytes(DenseSet set) {
        return ((DenseBitSet) set).bytes();
    }

    @Override
    public Index index(Rows sorted, IndexSpec spec) {
        CpuRows rows = (CpuRows) sorted;
        return new CpuIndex(spec, rows, parallel); // built in readyIndex, or when an operator first needs it
    }

    /** Builds the index now unless a join of that many rows will read an index over some of its rows instead. */
    @Override
    public void readyIndex(Index index, long lookups) {
        if (index instanceof CpuIndex cpu && !cpu.takesSomeRows(lookups, cpu.spec().keyLength())) {
            cpu.hisa();
        }
    }

    @Override
    public <S extends Step> Prepared<S> prepare(S step) {
        Object operator;
        if (step instanceof UnitStep unit) {
            operator = new UnitOperator(unit, compiler);
        } else if (step instanceof ScanStep scan) {
            operator = new ScanOperator(scan, compiler);
        } else if (step instanceof JoinStep join) {
            operator = new JoinOperator(join, compiler);
        } else if (step instanceof AntiJoinStep anti) {
            operator = new AntiJoinOperator(anti, compiler);
        } else if (step instanceof GenerateStep generate) {
            operator = new GenerateOperator(generate, compiler);
        } else {
            operator = new AggregateOperator((AggregateStep) step, compiler);
        }
        return new CpuPrepared<>(step, operator);
    }

    @Override
    public Rows unit(Prepared<UnitStep> step) {
        return new CpuRows(operator(step, UnitOperator.class).run());
    }

    @Override
    public Rows scan(Prepared<ScanStep> step, Index order) {
        return new CpuRows(operator(step, ScanOperator.class).run(hisa(order), parallel));
    }

    @Override
    public Rows scanDistinct(Prepared<ScanStep> step, Rows sorted) {
        CpuRows rows = (CpuRows) sorted;
        return new CpuRows(operator(step, ScanOperator.class).runDistinct(rows.whole(), rows.first(), (int) rows.size(),
                parallel));
    }

    @Override
    public Rows join(Prepared<JoinStep> step, Rows input, Index index) {
        CpuRows rows = (CpuRows) input;
        JoinOperator join = operator(step, JoinOperator.class);
        RunLookup lookup = index instanceof CpuIndex cpu
                ? cpu.lookupFor(join, rows.whole(), rows.first(), (int) rows.size()) : lookup(index);
        return new CpuRows(join.run(rows.whole(), rows.first(), (int) rows.size(), lookup, parallel));
    }

    @Override
    public long joinRowsWithin(Prepared<JoinStep> step, Rows input, long from, long to, Index index,
                               long maxMatches) {
        JoinOperator join = operator(step, JoinOperator.class);
        if (index instanceof CpuIndex cpu && cpu.takesSomeRows(Math.min(to, input.size()) - from, join.keyLength())) {
            return -1; // the join reads an index over some rows, built for it: counting would build the whole
        }
        return join.rowsWithin(tuples(input), (int) from, (int) Math.min(to, input.size()),
                lookup(index), maxMatches, parallel);
    }

    @Override
    public Rows antiJoin(Prepared<AntiJoinStep> step, Rows input, Index index) {
        return new CpuRows(operator(step, AntiJoinOperator.class).run(tuples(input), hisa(index), parallel));
    }

    @Override
    public Rows aggregate(Prepared<AggregateStep> step, Rows input, Index index) {
        return new CpuRows(operator(step, AggregateOperator.class).run(tuples(input), hisa(index), parallel));
    }

    @Override
    public Rows generate(Prepared<GenerateStep> step, Rows input) {
        return new CpuRows(operator(step, GenerateOperator.class).run(tuples(input), parallel));
    }

    private static <T> T operator(Prepared<?> step, Class<T> kind) {
        return kind.cast(((CpuPrepared<?>) step).operator());
    }

    @Override
    public void release(Rows rows) {
        // JVM arrays: the garbage collector reclaims them
    }

    @Override
    public void release(Index index) {
        // JVM arrays: the garbage collector reclaims them
    }

    @Override
    public void release(Prepared<?> step) {
        // compiled closures: the garbage collector reclaims them
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    private static Tuples tuples(Rows rows) {
        return ((CpuRows) rows).tuples();
    }

    /** The rows' tuples, in order (a plain loop: it runs for every deduplication, of one-row deltas too). */
    private static List<Tuples> tuplesOf(List<Rows> rows) {
        List<Tuples> tuples = new ArrayList<>(rows.size());
        for (Rows part : rows) {
            tuples.add(tuples(part));
        }
        return tuples;
    }

    private static HisaIndex hisa(Index index) {
        return ((CpuIndex) index).hisa();
    }

    /** What a join reads from the index: a HISA index, or a dense set's membership lookup. */
    private static RunLookup lookup(Index index) {
        return index instanceof KnownRowsIndex known ? known.lookup() : ((CpuIndex) index).hisa();
    }
}
