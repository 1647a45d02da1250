// The Backend SPI: the relational operators the semi-naive driver evaluates a plan with. Rows and
// indexes stay in the backend's memory across iterations; the driver never touches a tuple between
// upload and download. "Sorted" means duplicate-free and in canonical order (lexicographic over the
// columns, each compared as a signed int). Every operator returns a new handle owned by the caller,
// except where it says it consumes its argument; the caller releases what it owns exactly once.
// A backend is used by one thread at a time.
package dev.jetlog.seminaive.spi;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;

import java.util.List;

public interface Backend extends AutoCloseable {
    /** Short name, as chosen on the command line: "cpu", "cuda", "opencl". */
    String name();

    /** One line for humans: the device and its settings. */
    String description();

    // ---- moving rows in and out ----------------------------------------------------------------

    /** Rows copied from rowCount rows of a row-major host array (any order, duplicates allowed). */
    Rows upload(int arity, int[] rowMajor, int rowCount);

    /** Rows [from, to) as a row-major host array of exactly (to - from) * arity ints. */
    int[] download(Rows rows, long from, long to);

    /** All the rows as a row-major host array of exactly size * arity ints. */
    default int[] download(Rows rows) {
        return download(rows, 0, rows.size());
    }

    Rows empty(int arity);

    /**
     * The same rows under a second handle, without copying: valid while the source is alive and
     * unchanged; releasing it leaves the source alone.
     */
    Rows share(Rows rows);

    /** Rows [from, to) as an independent copy or a view that stays valid while the source is. */
    Rows slice(Rows rows, long from, long to);

    /** All parts, in order, in one row set; the parts stay owned by the caller. */
    Rows concat(List<Rows> parts);

    // ---- set operators ---------------------------------------------------------------------------

    /** The distinct rows, sorted. */
    Rows sortUnique(Rows rows);

    /** The rows of sorted that are not in sortedFull (both sorted); the result is sorted. */
    Rows difference(Rows sorted, Rows sortedFull);

    /**
     * The distinct rows that sortedFull lacks, sorted: sortUnique then difference, which a backend
     * may fuse into one pass.
     */
    default Rows sortUniqueDifference(Rows rows, Rows sortedFull) {
        Rows unique = sortUnique(rows);
        try {
            return difference(unique, sortedFull);
        } finally {
            release(unique);
        }
    }

    /**
     * The distinct rows of all parts (of one arity), sorted; the parts stay the caller's. A backend may sort
     * them where they lie instead of concatenating them first.
     */
    default Rows sortUnique(List<Rows> parts) {
        return onConcatenation(parts, this::sortUnique);
    }

    /** The distinct rows of all parts (of one arity) that sortedFull lacks, sorted; the parts stay the caller's. */
    default Rows sortUniqueDifference(List<Rows> parts, Rows sortedFull) {
        return onConcatenation(parts, all -> sortUniqueDifference(all, sortedFull));
    }

    /** The operator applied to the parts in one row set: the part itself, or their concatenation, released after. */
    private Rows onConcatenation(List<Rows> parts, java.util.function.UnaryOperator<Rows> operator) {
        if (parts.size() == 1) {
            return operator.apply(parts.get(0));
        }
        Rows all = concat(parts);
        try {
            return operator.apply(all);
        } finally {
            release(all);
        }
    }

    /**
     * The union of two disjoint sorted row sets, sorted. Consumes sortedFull: its handle must not be
     * used or released afterwards (its memory may hold the result); sortedDelta stays the caller's. A
     * merge that throws OutOfMemoryError leaves both as they were (the driver then keeps them apart).
     */
    Rows merge(Rows sortedFull, Rows sortedDelta);

    /**
     * {@link #merge}, for a result that nothing is about to be merged into (a relation's tiers consolidated
     * into one once its stratum is done, or before a stratum reads it): a backend that leaves room for growth
     * after a merge need leave none. Same contract as merge; by default, merge.
     */
    default Rows mergeFinal(Rows sortedFull, Rows sortedDelta) {
        return merge(sortedFull, sortedDelta);
    }

    // ---- indexes and relational operators --------------------------------------------------------

    /** A HISA index on a sorted row set, which must stay alive while the index is used. */
    Index index(Rows sorted, IndexSpec spec);

    /**
     * Told before an operator makes about `lookups` lookups in the index (a join, one per input row;
     * Long.MAX_VALUE where it reads the whole index): a backend that builds its indexes when first needed
     * builds this one now, so that the build is timed as one, unless so few lookups are served better
     * without it. Nothing, by default: the index was built by {@link #index}.
     */
    default void readyIndex(Index index, long lookups) {
    }

    /**
     * Makes a plan step ready to run (its filters and expressions compiled or encoded); done once per
     * step and evaluation, then passed to the operator of its kind any number of times.
     */
    <S extends Step> Prepared<S> prepare(S step);

    /** One empty input row through the step's filters and output. */
    Rows unit(Prepared<UnitStep> step);

    /**
     * Every tuple of the relation that passes the step's filters, projected on its output, read in the
     * order of the index (the step's order, key length 0); with repeats skipped as the step says.
     */
    Rows scan(Prepared<ScanStep> step, Index order);

    /**
     * The rows scan would give for a step that skips repeats, read from sorted in its stored order
     * instead of through an index in the step's order: one row for each distinct projected output
     * (possibly fewer rows than scan, never more), in any order. The driver calls it when no index in
     * the step's order is at hand, so that a scan that drops columns (`escapes(h) :- p(_, _, h).`)
     * need not sort the whole relation for it. Null, by default, where the backend has no such scan:
     * the driver then builds the index and calls scan.
     */
    default Rows scanDistinct(Prepared<ScanStep> step, Rows sorted) {
        return null;
    }

    /** The join of input with the relation behind index, filtered and projected. */
    Rows join(Prepared<JoinStep> step, Rows input, Index index);

    /**
     * The output rows one slice of a step should come to on this backend, where the evaluation options
     * leave it to the backend: enough that the fixed cost of a call (on a GPU, a few kernel launches and a
     * read of the result's size) is small beside the work, few enough that a slice's intermediates stay
     * cheap. 256 K rows by default, which keeps the CPU's intermediates young-generation allocations.
     */
    default long sliceRows() {
        return 1L << 18;
    }

    /**
     * How many input rows of [from, to) the join may take at once so that the tuples they match in index
     * (before filters) total at most maxMatches: at least one row while any remain; -1 where the backend
     * cannot tell cheaply (the driver then guesses from the fan-out it has seen). Rows at or past `to` are
     * not counted: the driver takes no more than that many at once anyway.
     */
    default long joinRowsWithin(Prepared<JoinStep> step, Rows input, long from, long to, Index index,
                                long maxMatches) {
        return -1;
    }

    /** The input rows whose key matches nothing in index, filtered and projected. */
    Rows antiJoin(Prepared<AntiJoinStep> step, Rows input, Index index);

    /** For each input row, the aggregate over its matches in index, filtered and projected. */
    Rows aggregate(Prepared<AggregateStep> step, Rows input, Index index);

    /** For each input row, one row per value of the step's range, filtered and projected. */
    Rows generate(Prepared<GenerateStep> step, Rows input);

    // ---- dense sets ------------------------------------------------------------------------------

    /**
     * A dense set holding the rows (every row set given, with nothing recorded as added): one bit for
     * every row of a box of column values that covers them (per column its value range, or the distinct
     * values it holds); null where the backend has no dense sets or the set would take more than maxBytes.
     */
    default DenseSet denseSet(List<Rows> rows, long maxBytes) {
        return null;
    }

    /**
     * As denseSet, over a box that also spans, per column, the given sorted distinct values (null where a
     * column's values are not known ahead): the values the column can take at all, so that rows derived
     * later inside them are inside the box. Where that box does not fit, over the rows' values alone.
     */
    default DenseSet denseSet(List<Rows> rows, int[][] columnValues, long maxBytes) {
        return denseSet(rows, maxBytes);
    }

    /**
     * The distinct values of one column of the row sets, sorted (a value domain for a dense set's box); null
     * where the backend has no dense sets to use them, or finding them would cost too much memory.
     */
    default int[] columnValues(List<Rows> rows, int column) {
        return null;
    }

    /**
     * Adds the rows that lie inside the set's box to it, remembering those it lacked for takeAdded, and
     * returns the rows outside the box apart. The input stays the caller's. Only for sets this backend made.
     */
    default AbsentRows addAbsent(DenseSet set, Rows rows) {
        throw new UnsupportedOperationException(name() + " has no dense sets");
    }

    /**
     * The join of input with the relation behind index, with its output rows added to the dense set as in
     * addAbsent: for the last step of a rule whose head has a dense set, so that no row inside the box is
     * ever written out (the new ones come sorted from takeAdded).
     */
    default AbsentRows joinAbsent(Prepared<JoinStep> step, Rows input, Index index, DenseSet set) {
        Rows output = join(step, input, index);
        try {
            return addAbsent(set, output);
        } finally {
            release(output);
        }
    }

    /**
     * Two joins in a row whose second goes into the dense set, as joinAbsent of the first's output; a
     * backend may feed the first's rows to the second one by one instead of making them.
     */
    default AbsentRows joinJoinAbsent(Prepared<JoinStep> first, Index firstIndex, Prepared<JoinStep> second,
                                      Index secondIndex, Rows input, DenseSet set) {
        Rows middle = join(first, input, firstIndex);
        try {
            return joinAbsent(second, middle, secondIndex, set);
        } finally {
            release(middle);
        }
    }

    /**
     * The rows added to the dense set since it was made or last asked, each once, sorted in canonical
     * order; from now on the set remembers no row as added. The driver asks only when the calls since
     * the last ask reported rows added ({@link AbsentRows#added}).
     */
    default Rows takeAdded(DenseSet set) {
        throw new UnsupportedOperationException(name() + " has no dense sets");
    }

    /**
     * An index for an existence check against a relation's full version, answered by the relation's dense
     * set: a key inside its box is known if the set held it before the rules of this iteration added rows,
     * any other key is looked up in the indexes of the tiers (built for this step). The join reads it as it
     * reads one tier's index, and gives what the tiers' indexes give together. Null where the backend has
     * no such index or the step is not an existence check on the whole row that reads only its input.
     */
    default Index knownIndex(Prepared<JoinStep> step, DenseSet set, List<Index> tierIndexes) {
        return null;
    }

    /** Bytes a dense set holds. */
    default long bytes(DenseSet set) {
        return 0;
    }

    /** Frees a dense set. */
    default void release(DenseSet set) {
    }

    // ---- memory ----------------------------------------------------------------------------------

    /** Bytes the rows hold in the backend's memory (estimated where the backend cannot say exactly). */
    default long bytes(Rows rows) {
        return rows.size() * rows.arity() * (long) Integer.BYTES;
    }

    /** Bytes an index holds beyond its rows: by default a sorted id and a hash slot per row. */
    default long bytes(Index index) {
        return index.rows().size() * 3L * Integer.BYTES;
    }

    /** The bytes of relations, indexes and candidates this backend can hold: its memory budget. */
    long memoryCapacity();

    // ---- lifetime --------------------------------------------------------------------------------

    void release(Rows rows);

    void release(Index index);

    void release(Prepared<?> step);

    /** Releases everything the backend still holds. */
    @Override
    void close();
}
