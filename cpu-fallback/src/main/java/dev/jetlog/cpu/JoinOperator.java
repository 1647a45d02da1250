// Hash join on the CPU: each input row's key is looked up in the HISA index, the run of matching
// tuples is read from the sorted index, and every pair that passes the filters is projected.
// Filters that read only the input row run before the lookup. When the step skips repeats, a match
// equal to the last emitted one on the distinct columns is skipped (they are adjacent in the run);
// an existence check stops at its first match. A join feeding a second one into a dense set replays
// the matches of the last input row for the next rows that differ from it only in carried columns
// (MatchReplay).
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.RunLookup;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.Side;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

final class JoinOperator {
    private final RowFilter before;
    private final RowFilter filter;
    private final KeyMaker keyMaker;
    private final Projection projection;
    private final boolean skipRepeats;
    private final boolean existence;
    private final int[] distinct;
    /** True if the step only asks whether the whole row given by its key exists, and reads nothing of it. */
    private final boolean wholeRowExistence;
    /** The output columns that come from the input row, and those that come from the matched tuple. */
    private final int[] inputColumns;
    private final int[] tupleColumns;

    JoinOperator(JoinStep step, ExprCompiler compiler) {
        List<Filter> inputOnly = step.filters().stream().filter(f -> !f.reads(Side.TUPLE)).toList();
        List<Filter> pairs = step.filters().stream().filter(f -> f.reads(Side.TUPLE)).toList();
        before = compiler.all(inputOnly);
        filter = compiler.all(pairs);
        keyMaker = new KeyMaker(step.key(), compiler);
        projection = new Projection(step.output(), compiler);
        skipRepeats = step.skipsRepeats();
        existence = skipRepeats && step.distinctColumns() == step.index().keyLength();
        distinct = RepeatSkipping.columns(step.index().order(), step.index().keyLength(), step.distinctColumns());
        // a key on every column matches at most one tuple: the join only asks whether it exists
        wholeRowExistence = step.index().keyLength() == step.index().arity() && step.index().arity() > 0
                && pairs.isEmpty() && step.output().stream().noneMatch(e -> e.reads(Side.TUPLE));
        // once per operator: a probe is made per call, and a run of many one-row iterations makes many
        inputColumns = IntStream.range(0, projection.width()).filter(projection::fromInput).toArray();
        tupleColumns = IntStream.range(0, projection.width()).filter(c -> !projection.fromInput(c)).toArray();
    }

    /**
     * True if the step only asks whether the whole row its key gives exists, reading nothing of the matched
     * tuple: a membership lookup (one placeholder match per known key) can answer it.
     */
    boolean checksWholeRowExistence() {
        return wholeRowExistence;
    }

    /** What {@link #runAbsent} gave: the rows outside the set's box, how many it lacked (now added), and how many were derived. */
    record Filtered(Tuples outside, long added, long derived) {
    }

    /**
     * The join, with every output row tested against the dense set as it is made: rows the set holds are
     * dropped, rows it lacks are added to it (by one thread only), and only rows outside its box are
     * written out.
     */
    Filtered runAbsent(Tuples input, RunLookup index, Parallel parallel, DenseBitSet set) {
        int width = input.arity();
        int[] in = input.data();
        LongAdder derived = new LongAdder();
        LongAdder added = new LongAdder();
        long work = work(input, index, 1, parallel);
        int outWidth = projection.width();
        Tuples outsideRows = ChunkedOutput.run(parallel, input.size(), outWidth, 64, work, (from, to, outside) -> {
            AbsentProbe probe = new AbsentProbe(index, set, outside);
            for (int inputRow = from; inputRow < to; inputRow++) {
                probe.probe(in, inputRow * width);
            }
            derived.add(probe.matched);
            added.add(probe.added);
        });
        return new Filtered(outsideRows, added.sum(), derived.sum());
    }

    /**
     * This join followed by next, a join into the dense set (as runAbsent), with this join's output rows
     * going straight into next's probe one by one: they are never materialized.
     */
    Filtered runThenAbsent(Tuples input, RunLookup index, JoinOperator next, RunLookup nextIndex, Parallel parallel,
                           DenseBitSet set) {
        int width = input.arity();
        int[] in = input.data();
        LongAdder derived = new LongAdder();
        LongAdder added = new LongAdder();
        // the second join fans out again: about as many matches per row as its index has tuples per key
        long nextFanOut = nextIndex instanceof HisaIndex hisa
                ? Math.max(1, hisa.size() / Math.max(1, hisa.distinctKeys())) : 1;
        long work = work(input, index, nextFanOut, parallel);
        int outWidth = next.projection.width();
        MatchReplay.Shape replayable = MatchReplay.shapeOf(this, next, width);
        Tuples outsideRows = ChunkedOutput.run(parallel, input.size(), outWidth, 64, work, (from, to, outside) -> {
            int[] key = new int[keyMaker.length()];
            int[] middle = new int[projection.width()];
            AbsentProbe probe = next.new AbsentProbe(nextIndex, set, outside);
            if (replayable == null) {
                Runnable intoNext = () -> probe.probe(middle, 0);
                for (int inputRow = from; inputRow < to; inputRow++) {
                    forEachOutput(in, inputRow * width, index, key, middle, intoNext);
                }
            } else {
                MatchReplay replay = new MatchReplay(replayable);
                Runnable intoNextRecorded = () -> {
                    int slot = probe.slotOf(middle, 0);
                    if (slot >= 0) {
                        replay.record(middle, slot);
                        probe.probeSlot(middle, 0, slot);
                    }
                };
                for (int inputRow = from; inputRow < to; inputRow++) {
                    int inBase = inputRow * width;
                    if (replay.decidedLikeLast(in, inBase)) {
                        for (int match = 0; match < replay.size(); match++) {
                            probe.probeSlot(replay.rows(), replay.carryInto(match, in, inBase), replay.slot(match));
                        }
                    } else {
                        replay.restart(inBase);
                        forEachOutput(in, inBase, index, key, middle, intoNextRecorded);
                    }
                }
            }
            derived.add(probe.matched);
            added.add(probe.added);
        });
        return new Filtered(outsideRows, added.sum(), derived.sum());
    }

    /** The input columns the lookup key copies, or null where it computes any. */
    int[] keyInputColumns() {
        return keyMaker.inputColumns();
    }

    /** True if the step filters its rows (on the input alone, or on input and tuple). */
    boolean filters() {
        return before != null || filter != null;
    }

    Projection projection() {
        return projection;
    }

    /**
     * The rows a run over the input reads or makes, which decides whether it runs in parallel: the input
     * rows plus their estimated matches times fanOut (what each match makes further on). On one thread there
     * is nothing to decide, and nothing is sampled.
     */
    private long work(Tuples input, RunLookup index, long fanOut, Parallel parallel) {
        return work(input, 0, input.size(), index, fanOut, parallel);
    }

    /** As {@link #work(Tuples, RunLookup, long, Parallel)}, over input rows [first, first + rows). */
    private long work(Tuples input, int first, int rows, RunLookup index, long fanOut, Parallel parallel) {
        return parallel.threads() == 1 ? rows : rows + estimatedMatches(input, first, rows, index) * fanOut;
    }

    /**
     * About how many tuples input rows [first, first + rows) match in all, from the matches of up to 64
     * evenly spread rows.
     */
    private long estimatedMatches(Tuples input, int first, int rows, RunLookup index) {
        int samples = Math.min(rows, 64);
        if (samples == 0) {
            return 0;
        }
        int width = input.arity();
        int[] in = input.data();
        int[] key = new int[keyMaker.length()];
        long matches = 0;
        for (int s = 0; s < samples; s++) {
            matches += matchCount(in, (first + (int) ((long) rows * s / samples)) * width, index, key);
        }
        return matches * rows / samples;
    }

    /** Rows whose matches rowsWithin counts in parallel at a time, before it looks for the cut in them. */
    private static final int COUNTED_BLOCK_ROWS = 1 << 16;

    /** The key length of the lookups this join makes. */
    int keyLength() {
        return keyMaker.length();
    }

    /**
     * The one-column keys input rows [first, first + rows) look up (those the filters on the input alone
     * pass), in input order, repeats kept: what an index over only the rows they match must hold.
     */
    int[] lookedUpKeys(Tuples input, int first, int rows) {
        int width = input.arity();
        int[] in = input.data();
        int[] key = new int[keyMaker.length()];
        int[] keys = new int[rows];
        int count = 0;
        for (int row = first; row < first + rows; row++) {
            if (before != null && !before.test(in, row * width, RowExpr.NO_ROW, 0, 0)) {
                continue;
            }
            keyMaker.make(in, row * width, key);
            keys[count++] = key[0];
        }
        return count == rows ? keys : java.util.Arrays.copyOf(keys, count);
    }

    /**
     * How many input rows of [from, end) match at most maxMatches tuples in all (before the filters on the
     * tuples): at least one while any remain. One hash probe per row counted: whole blocks of rows are
     * counted in parallel while they fit, and only the block where the budget runs out row by row.
     */
    long rowsWithin(Tuples input, int from, int end, RunLookup index, long maxMatches, Parallel parallel) {
        int size = end;
        long matches = 0;
        int row = from;
        while (parallel.threads() > 1 && size - row >= COUNTED_BLOCK_ROWS) {
            long block = matchesOf(input, row, row + COUNTED_BLOCK_ROWS, index, parallel);
            if (matches + block > maxMatches) {
                break;
            }
            matches += block;
            row += COUNTED_BLOCK_ROWS;
        }
        int width = input.arity();
        int[] in = input.data();
        int[] key = new int[keyMaker.length()];
        while (row < size) {
            matches += matchCount(in, row * width, index, key);
            if (matches > maxMatches && row > from) {
                break;
            }
            row++;
        }
        return row - from;
    }

    /** The tuples input rows [first, end) match in all (before the filters on the tuples), counted in parallel. */
    private long matchesOf(Tuples input, int first, int end, RunLookup index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        int chunks = parallel.chunksFor(end - first, 1 << 12);
        long[] perChunk = new long[chunks];
        parallel.forEachChunk(end - first, chunks, (chunk, from, to) -> {
            int[] key = new int[keyMaker.length()];
            long matches = 0;
            for (int row = first + from; row < first + to; row++) {
                matches += matchCount(in, row * width, index, key);
            }
            perChunk[chunk] = matches;
        });
        long total = 0;
        for (long matches : perChunk) {
            total += matches;
        }
        return total;
    }

    /**
     * The index slot of the tuples that match the input row at in[inBase..] (its key written into key), or
     * -1 if the row fails the filters on the input alone or nothing matches.
     */
    private int matchingSlot(int[] in, int inBase, RunLookup index, int[] key) {
        if (before != null && !before.test(in, inBase, RowExpr.NO_ROW, 0, 0)) {
            return -1;
        }
        keyMaker.make(in, inBase, key);
        return index.find(key);
    }

    /** How many tuples the input row at in[inBase..] matches (0 if it fails the filters on the input alone). */
    private int matchCount(int[] in, int inBase, RunLookup index, int[] key) {
        int slot = matchingSlot(in, inBase, index, key);
        return slot < 0 ? 0 : index.count(slot);
    }

    /** Writes each output row of the join for the input row at in[inBase..] into out, and calls onRow after each. */
    private void forEachOutput(int[] in, int inBase, RunLookup index, int[] key, int[] out, Runnable onRow) {
        int slot = matchingSlot(in, inBase, index, key);
        if (slot >= 0) {
            forEachOutputOf(slot, in, inBase, index, out, onRow);
        }
    }

    /** As forEachOutput, for an input row whose matching slot is known. */
    private void forEachOutputOf(int slot, int[] in, int inBase, RunLookup index, int[] out, Runnable onRow) {
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int[] sortedRows = index.sortedRows();
        int start = index.start(slot);
        int end = start + index.count(slot);
        int lastEmitted = -1;
        for (int position = start; position < end; position++) {
            int tupleBase = (sortedRows == null ? position : sortedRows[position]) * arity;
            if (lastEmitted >= 0 && (existence || RepeatSkipping.same(tuples, lastEmitted, tupleBase, distinct))) {
                if (existence) {
                    break;
                }
                continue;
            }
            if (filter != null && !filter.test(in, inBase, tuples, tupleBase, 0)) {
                continue;
            }
            if (skipRepeats) {
                lastEmitted = tupleBase;
            }
            projection.writeAt(in, inBase, tuples, tupleBase, 0, out, 0);
            onRow.run();
        }
    }

    /**
     * Probes one input row at a time against the index and adds the head rows it makes to a dense set,
     * writing only rows outside the set's box; one per chunk of work, counting what it derived and added.
     * A head that only copies columns, with no filter on the matches, takes a fast path: a head row's
     * bit is the part its input columns give (once per input row) plus the part of the tuple's columns.
     */
    final class AbsentProbe {
        private final RunLookup index;
        private final DenseBitSet set;
        private final int[] tuples;
        private final int arity;
        private final int[] sortedRows;
        private final int outWidth = projection.width();
        private final boolean copying = filter == null && projection.copiesOnly() && !skipRepeats;
        private final boolean oneTupleColumn;
        /** The fast path's only tuple column, hoisted: the column read, and its box. */
        private final int onlyColumn;
        private final long onlyMinimum;
        private final long onlyRange;
        private final int[] onlyDictionary;
        private final long onlyStride;
        private final int[] key = new int[keyMaker.length()];
        private final int[] row = new int[projection.width()];
        /** Where rows outside the set's box go. */
        private final IntBuffer outside;
        /** The generic path's step for each output row in row. */
        private final Runnable addRow;
        long matched;
        long added;

        AbsentProbe(RunLookup index, DenseBitSet set, IntBuffer outside) {
            this.index = index;
            this.set = set;
            this.outside = outside;
            this.addRow = () -> {
                matched++;
                long bit = set.bitOf(row, 0);
                if (bit < 0) {
                    int at = outside.reserve(1, outWidth);
                    System.arraycopy(row, 0, outside.current(), at, outWidth);
                } else if (set.add(bit)) {
                    added++;
                }
            };
            this.tuples = index.rows().data();
            this.arity = index.rows().arity();
            this.sortedRows = index.sortedRows();
            this.oneTupleColumn = tupleColumns.length == 1;
            int only = oneTupleColumn ? tupleColumns[0] : -1;
            this.onlyColumn = oneTupleColumn ? projection.column(only) : -1;
            this.onlyMinimum = oneTupleColumn ? set.minimum(only) : 0;
            this.onlyRange = oneTupleColumn ? set.range(only) : 0;
            this.onlyDictionary = oneTupleColumn ? set.dictionary(only) : null;
            this.onlyStride = oneTupleColumn ? set.stride(only) : 0;
        }

        /** Probes the input row at in[inBase..]. */
        void probe(int[] in, int inBase) {
            int slot = slotOf(in, inBase);
            if (slot >= 0) {
                probeSlot(in, inBase, slot);
            }
        }

        /** The index slot the input row at in[inBase..] matches, or -1 (as {@link #matchingSlot}). */
        int slotOf(int[] in, int inBase) {
            return matchingSlot(in, inBase, index, key);
        }

        /** Probes the input row at in[inBase..], whose matching slot is known (from {@link #slotOf}). */
        void probeSlot(int[] in, int inBase, int slot) {
            if (!copying) {
                forEachOutputOf(slot, in, inBase, index, row, addRow);
                return;
            }
            int start = index.start(slot);
            int end = start + index.count(slot);
            matched += end - start;
            long inputPart = 0;
            boolean inputInside = true;
            for (int c : inputColumns) {
                long digit = set.digit(c, in[inBase + projection.column(c)]);
                if (digit < 0) {
                    inputInside = false;
                    break;
                }
                inputPart += digit * set.stride(c);
            }
            for (int position = start; position < end; position++) {
                int tupleBase = (sortedRows == null ? position : sortedRows[position]) * arity;
                long bit = inputPart;
                boolean inside = inputInside;
                if (inside && oneTupleColumn) {
                    long digit = tuples[tupleBase + onlyColumn] - onlyMinimum;
                    if (digit >= 0 && digit < onlyRange && onlyDictionary != null) {
                        digit = onlyDictionary[(int) digit];
                    }
                    inside = digit >= 0 && digit < onlyRange;
                    bit += digit * onlyStride;
                } else if (inside) {
                    for (int c : tupleColumns) {
                        long digit = set.digit(c, tuples[tupleBase + projection.column(c)]);
                        if (digit < 0) {
                            inside = false;
                            break;
                        }
                        bit += digit * set.stride(c);
                    }
                }
                if (!inside) {
                    int at = outside.reserve(1, outWidth);
                    projection.copyAt(in, inBase, tuples, tupleBase, outside.current(), at);
                } else if (set.add(bit)) {
                    added++;
                }
            }
        }
    }

    Tuples run(Tuples input, RunLookup index, Parallel parallel) {
        return run(input, 0, input.size(), index, parallel);
    }

    /** The join over input rows [first, first + rows), read where they lie (a slice of a larger row set). */
    Tuples run(Tuples input, int first, int rows, RunLookup index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        int outWidth = projection.width();
        long work = work(input, first, rows, index, 1, parallel);
        if (filter == null && projection.copiesOnly() && !skipRepeats) {
            return runCopying(input, first, rows, index, parallel, work);
        }
        return ChunkedOutput.run(parallel, rows, outWidth, 1, work, (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            int[] made = new int[outWidth];
            Runnable append = () -> {
                int at = out.reserve(1, outWidth);
                System.arraycopy(made, 0, out.current(), at, outWidth);
            };
            for (int row = first + from; row < first + to; row++) {
                forEachOutput(in, row * width, index, key, made, append);
            }
        });
    }

    /**
     * The join when every match is output and the head only copies columns: each chunk's input rows are
     * looked up once and their runs counted (the slots kept), then the runs are copied straight into
     * their place in the output.
     */
    private Tuples runCopying(Tuples input, int first, int rows, RunLookup index, Parallel parallel, long work) {
        int width = input.arity();
        int[] in = input.data();
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int outWidth = projection.width();
        int[] sortedRows = index.sortedRows();
        // slots[row] for input row first + row
        int[] slots = new int[rows];
        boolean pairOfOneEach = outWidth == 2 && inputColumns.length == 1 && tupleColumns.length == 1;
        return ChunkedOutput.runCounted(parallel, rows, outWidth, work, new ChunkedOutput.CountedWork() {
            @Override
            public long count(int from, int to) {
                int[] key = new int[keyMaker.length()];
                long matches = 0;
                for (int row = from; row < to; row++) {
                    int slot = matchingSlot(in, (first + row) * width, index, key);
                    slots[row] = slot;
                    matches += slot < 0 ? 0 : index.count(slot);
                }
                return matches;
            }

            @Override
            public void write(int from, int to, int[] out, int at) {
                if (pairOfOneEach) {
                    writePairs(from, to, out, at);
                    return;
                }
                for (int row = from; row < to; row++) {
                    int slot = slots[row];
                    if (slot < 0) {
                        continue;
                    }
                    int inBase = (first + row) * width;
                    int start = index.start(slot);
                    int end = start + index.count(slot);
                    for (int position = start; position < end; position++, at += outWidth) {
                        int tupleRow = sortedRows == null ? position : sortedRows[position];
                        projection.copyAt(in, inBase, tuples, tupleRow * arity, out, at);
                    }
                }
            }

            /**
             * The commonest head, two columns, one from the input row and one from the tuple: the input's
             * value is read once per run, and each match copies one int.
             */
            private void writePairs(int from, int to, int[] out, int at) {
                int inputColumn = inputColumns[0];
                int tupleColumn = tupleColumns[0];
                int inputRead = projection.column(inputColumn);
                int tupleRead = projection.column(tupleColumn);
                for (int row = from; row < to; row++) {
                    int slot = slots[row];
                    if (slot < 0) {
                        continue;
                    }
                    int value = in[(first + row) * width + inputRead];
                    int start = index.start(slot);
                    int end = start + index.count(slot);
                    if (sortedRows == null) {
                        for (int position = start; position < end; position++, at += 2) {
                            out[at + inputColumn] = value;
                            out[at + tupleColumn] = tuples[position * arity + tupleRead];
                        }
                    } else {
                        for (int position = start; position < end; position++, at += 2) {
                            out[at + inputColumn] = value;
                            out[at + tupleColumn] = tuples[sortedRows[position] * arity + tupleRead];
                        }
                    }
                }
            }
        });
    }
}
