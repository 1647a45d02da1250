// range(from, to[, step]) on the CPU: for each input row, every value of the range as a one-column tuple,
// through the step's filters and output. Values follow Soufflé: exclusive of `to`; without a step, 1 or -1
// by direction; a step of 0 gives `from` alone (when from != to); a step against the direction gives none.
// A value past the type's range ends the range instead of wrapping around.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.Parallel;
import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.ValueType;

final class GenerateOperator {
    /** Receives each value of one range. */
    @FunctionalInterface
    interface ValueSink {
        void accept(int value);
    }

    private final RowExpr from;
    private final RowExpr to;
    private final RowExpr step;
    private final ValueType type;
    private final RowFilter filter;
    private final Projection projection;

    GenerateOperator(GenerateStep step, ExprCompiler compiler) {
        from = compiler.compile(step.from());
        to = compiler.compile(step.to());
        this.step = step.step() == null ? null : compiler.compile(step.step());
        type = step.type();
        filter = compiler.all(step.filters());
        projection = new Projection(step.output(), compiler);
    }

    Tuples run(Tuples input, Parallel parallel) {
        int width = input.arity();
        int[] in = input.data();
        return ChunkedOutput.run(parallel, input.size(), projection.width(), (first, last, out) -> {
            int[] value = new int[1];
            for (int row = first; row < last; row++) {
                int inBase = row * width;
                int a = from.eval(in, inBase, RowExpr.NO_ROW, 0, 0);
                int b = to.eval(in, inBase, RowExpr.NO_ROW, 0, 0);
                boolean explicitStep = step != null;
                int s = explicitStep ? step.eval(in, inBase, RowExpr.NO_ROW, 0, 0) : 0;
                values(type, a, b, s, explicitStep, v -> {
                    value[0] = v;
                    if (filter == null || filter.test(in, inBase, value, 0, 0)) {
                        projection.write(in, inBase, value, 0, 0, out);
                    }
                });
            }
        });
    }

    /** Every value of range(from, to[, step]) of the type, in order. */
    static void values(ValueType type, int from, int to, int step, boolean explicitStep, ValueSink sink) {
        switch (type) {
            case SIGNED -> longRange(from, to, explicitStep ? step : (from <= to ? 1 : -1),
                    Integer.MIN_VALUE, Integer.MAX_VALUE, sink);
            case UNSIGNED -> {
                long a = Integer.toUnsignedLong(from);
                long b = Integer.toUnsignedLong(to);
                // an unsigned step is never negative: it counts up; without one, the direction decides
                long s = explicitStep ? Integer.toUnsignedLong(step) : (a <= b ? 1 : -1);
                longRange(a, b, s, 0, 0xFFFF_FFFFL, sink);
            }
            case FLOAT -> floatRange(Float.intBitsToFloat(from), Float.intBitsToFloat(to),
                    explicitStep ? Float.intBitsToFloat(step) : 0f, explicitStep, sink);
        }
    }

    private static void longRange(long from, long to, long step, long min, long max, ValueSink sink) {
        if (from == to) {
            return;
        }
        if (step == 0) {
            sink.accept((int) from);
            return;
        }
        if (step > 0) {
            for (long x = from; x < to && x <= max; x += step) {
                sink.accept((int) x);
            }
        } else {
            for (long x = from; x > to && x >= min; x += step) {
                sink.accept((int) x);
            }
        }
    }

    private static void floatRange(float from, float to, float step, boolean explicitStep, ValueSink sink) {
        if (Float.isNaN(from) || Float.isNaN(to) || Float.isNaN(step) || from == to) {
            return;
        }
        float s = explicitStep ? step : (from <= to ? 1f : -1f);
        if (s == 0f) {
            sink.accept(Float.floatToRawIntBits(from));
            return;
        }
        float x = from;
        while (s > 0 ? x < to : x > to) {
            sink.accept(Float.floatToRawIntBits(x));
            float next = x + s;
            if (next == x) {
                return; // the step is below the precision at x: the range would never end
            }
            x = next;
        }
    }
}
