// Hash join on the CPU: each input row's key is looked up in the HISA index, the run of matching
// tuples is read from the sorted index, and every pair that passes the filters is projected.
// Filters that read only the input row run before the lookup. When the step skips repeats, a match
// equal to the last emitted one on the distinct columns is skipped (they are adjacent in the run);
// an existence check stops at its first match.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.Side;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

final class JoinOperator {
    private final RowFilter before;
    private final RowFilter filter;
    private final KeyMaker keyMaker;
    private final Projection projection;
    private final boolean skipRepeats;
    private final boolean existence;
    private final int[] distinct;

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
    }

    /** What {@link #runAbsent} gave: the rows outside the set's box, how many it lacked (now added), and how many were derived. */
    record Filtered(Tuples outside, long added, long derived) {
    }

    /**
     * The join, with every output row tested against the dense set as it is made: rows the set holds are
     * dropped, rows it lacks are added to it (by one thread only), and only rows outside its box are
     * written out.
     */
    Filtered runAbsent(Tuples input, HisaIndex index, Parallel parallel, DenseBitSet set) {
        if (filter == null && projection.copiesOnly() && !skipRepeats) {
            return runAbsentCopying(input, index, parallel, set);
        }
        int width = input.arity();
        int[] in = input.data();
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int outWidth = projection.width();
        int[] sortedRows = index.sortedRows();
        LongAdder derived = new LongAdder();
        LongAdder added = new LongAdder();
        Tuples outsideRows = ChunkedOutput.run(parallel, input.size(), outWidth, 64, (from, to, outside) -> {
            int[] key = new int[keyMaker.length()];
            int[] row = new int[outWidth];
            long matched = 0;
            long addedHere = 0;
            for (int inputRow = from; inputRow < to; inputRow++) {
                int inBase = inputRow * width;
                if (before != null && !before.test(in, inBase, null, 0, 0)) {
                    continue;
                }
                keyMaker.make(in, inBase, key);
                int slot = index.find(key);
                if (slot < 0) {
                    continue;
                }
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
                    matched++;
                    projection.writeAt(in, inBase, tuples, tupleBase, 0, row, 0);
                    long bit = set.bitOf(row, 0);
                    if (bit < 0) {
                        int at = outside.reserve(1, outWidth);
                        System.arraycopy(row, 0, outside.current(), at, outWidth);
                    } else if (set.add(bit)) {
                        addedHere++;
                    }
                }
            }
            derived.add(matched);
            added.add(addedHere);
        });
        return new Filtered(outsideRows, added.sum(), derived.sum());
    }

    /**
     * runAbsent for the common case of a head that only copies columns, with no filter on the matches: a
     * head tuple's bit is the part its input columns give (once per input row) plus the part of the
     * tuple's columns, and only rows the set lacks are ever written.
     */
    private Filtered runAbsentCopying(Tuples input, HisaIndex index, Parallel parallel, DenseBitSet set) {
        int width = input.arity();
        int[] in = input.data();
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int outWidth = projection.width();
        int[] sortedRows = index.sortedRows();
        int[] inputColumns = java.util.stream.IntStream.range(0, outWidth).filter(projection::fromInput).toArray();
        int[] tupleColumns = java.util.stream.IntStream.range(0, outWidth).filter(c -> !projection.fromInput(c)).toArray();
        boolean oneTupleColumn = tupleColumns.length == 1;
        int onlyColumn = oneTupleColumn ? projection.column(tupleColumns[0]) : -1;
        // the inner loop's column, hoisted
        long onlyMinimum = oneTupleColumn ? set.minimum(tupleColumns[0]) : 0;
        long onlyRange = oneTupleColumn ? set.range(tupleColumns[0]) : 0;
        int[] onlyDictionary = oneTupleColumn ? set.dictionary(tupleColumns[0]) : null;
        long onlyStride = oneTupleColumn ? set.stride(tupleColumns[0]) : 0;
        LongAdder derived = new LongAdder();
        LongAdder added = new LongAdder();
        Tuples outsideRows = ChunkedOutput.run(parallel, input.size(), outWidth, 64, (from, to, outside) -> {
            int[] key = new int[keyMaker.length()];
            long matched = 0;
            long addedHere = 0;
            for (int inputRow = from; inputRow < to; inputRow++) {
                int inBase = inputRow * width;
                if (before != null && !before.test(in, inBase, null, 0, 0)) {
                    continue;
                }
                keyMaker.make(in, inBase, key);
                int slot = index.find(key);
                if (slot < 0) {
                    continue;
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
                        addedHere++;
                    }
                }
            }
            derived.add(matched);
            added.add(addedHere);
        });
        return new Filtered(outsideRows, added.sum(), derived.sum());
    }

    Tuples run(Tuples input, HisaIndex index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int outWidth = projection.width();
        boolean bulk = filter == null && projection.copiesOnly() && !skipRepeats;
        int[] sortedRows = index.sortedRows();
        return ChunkedOutput.run(parallel, input.size(), outWidth, (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            for (int row = from; row < to; row++) {
                int inBase = row * width;
                if (before != null && !before.test(in, inBase, null, 0, 0)) {
                    continue;
                }
                keyMaker.make(in, inBase, key);
                int slot = index.find(key);
                if (slot < 0) {
                    continue;
                }
                int start = index.start(slot);
                int end = start + index.count(slot);
                if (bulk) {
                    // every match is output: reserve the whole run at once, then copy columns
                    int at = out.reserve(end - start, outWidth);
                    int[] data = out.current();
                    for (int position = start; position < end; position++, at += outWidth) {
                        int tupleRow = sortedRows == null ? position : sortedRows[position];
                        projection.copyAt(in, inBase, tuples, tupleRow * arity, data, at);
                    }
                    continue;
                }
                int lastEmitted = -1;
                for (int position = start; position < end; position++) {
                    int tupleBase = (sortedRows == null ? position : sortedRows[position]) * arity;
                    if (lastEmitted >= 0 && (existence || RepeatSkipping.same(tuples, lastEmitted, tupleBase, distinct))) {
                        if (existence) {
                            break;
                        }
                        continue;
                    }
                    if (filter == null || filter.test(in, inBase, tuples, tupleBase, 0)) {
                        projection.write(in, inBase, tuples, tupleBase, 0, out);
                        if (skipRepeats) {
                            lastEmitted = tupleBase;
                        }
                    }
                }
            }
        });
    }
}
