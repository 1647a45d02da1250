// Correlated aggregate on the CPU: for each input row, folds count/sum/min/max/mean over the matching
// tuples of the HISA index that pass the inner filters; min and max of nothing drop the row. An aggregate
// that reads nothing of the input row (no key, no correlated filter) is folded once for all rows.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.datasets.FloatBits;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.ValueType;

final class AggregateOperator {
    private final RowFilter inner;
    private final RowExpr target;
    private final RowFilter after;
    private final KeyMaker keyMaker;
    private final Projection projection;
    private final AggregateKind kind;
    private final ValueType type;
    /** No key and nothing read from the input row: one value for every row, computed once. */
    private final boolean uncorrelated;

    AggregateOperator(AggregateStep step, ExprCompiler compiler) {
        inner = compiler.all(step.innerFilters());
        target = step.target() == null ? null : compiler.compile(step.target());
        after = compiler.all(step.filters());
        keyMaker = new KeyMaker(step.key(), compiler);
        projection = new Projection(step.output(), compiler);
        kind = step.kind();
        type = step.type();
        boolean readsInput = step.target() != null && step.target().reads(Side.INPUT);
        for (Filter filter : step.innerFilters()) {
            readsInput |= filter.left().reads(Side.INPUT) || filter.right().reads(Side.INPUT);
        }
        uncorrelated = step.key().isEmpty() && !readsInput;
    }

    Tuples run(Tuples input, HisaIndex index, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        long once = uncorrelated && input.size() > 0 ? aggregate(in, 0, new int[0], index) : 0;
        return ChunkedOutput.run(parallel, input.size(), projection.width(), (from, to, out) -> {
            int[] key = new int[keyMaker.length()];
            for (int row = from; row < to; row++) {
                int inBase = row * width;
                long result;
                if (uncorrelated) {
                    result = once;
                } else {
                    keyMaker.make(in, inBase, key);
                    result = aggregate(in, inBase, key, index);
                }
                if (result == NONE) {
                    continue;
                }
                int value = (int) result;
                if (after == null || after.test(in, inBase, RowExpr.NO_ROW, 0, value)) {
                    projection.write(in, inBase, RowExpr.NO_ROW, 0, value, out);
                }
            }
        });
    }

    /** Marks an aggregate without a value (min or max of nothing). */
    private static final long NONE = Long.MIN_VALUE;

    /** The aggregate over the key's matches for one input row, as an int in a long, or NONE. */
    private long aggregate(int[] in, int inBase, int[] key, HisaIndex index) {
        int[] tuples = index.rows().data();
        int arity = index.rows().arity();
        int slot = index.find(key);
        int value = 0;
        boolean any = false;
        int matches = 0;
        if (slot >= 0) {
            int end = index.start(slot) + index.count(slot);
            for (int position = index.start(slot); position < end; position++) {
                int tupleBase = index.rowAt(position) * arity;
                if (inner != null && !inner.test(in, inBase, tuples, tupleBase, 0)) {
                    continue;
                }
                value = fold(kind, type, any, value, target, in, inBase, tuples, tupleBase);
                any = true;
                matches++;
            }
        }
        if (!any && kind.dropsEmpty()) {
            return NONE;
        }
        if (kind == AggregateKind.MEAN) {
            value = FloatBits.of(Float.intBitsToFloat(value) / matches, value);
        }
        return value;
    }

    private static boolean nanGivesWay(ValueType type, int soFar, int next) {
        return type == ValueType.FLOAT && FloatBits.isNaN(soFar) && !FloatBits.isNaN(next);
    }

    private static int fold(AggregateKind kind, ValueType type, boolean any, int acc, RowExpr target,
                            int[] in, int inBase, int[] tuples, int tupleBase) {
        if (kind == AggregateKind.COUNT) {
            return acc + 1;
        }
        int value = target.eval(in, inBase, tuples, tupleBase, 0);
        return switch (kind) {
            case SUM, MEAN -> Values.sum(type, acc, value);
            // over floats both skip NaNs, as Soufflé's comparisons do: a NaN so far gives way to any number
            case MIN -> !any || Values.less(type, value, acc) || nanGivesWay(type, acc, value) ? value : acc;
            case MAX -> !any || Values.less(type, acc, value) || nanGivesWay(type, acc, value) ? value : acc;
            case COUNT -> throw new IllegalStateException();
        };
    }
}
