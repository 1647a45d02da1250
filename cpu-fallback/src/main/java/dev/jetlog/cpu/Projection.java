// Writes a step's output row: columns copied from the input row or the tuple, or computed.
package dev.jetlog.cpu;

import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Side;

import java.util.List;

final class Projection {
    private static final byte FROM_INPUT = 0;
    private static final byte FROM_TUPLE = 1;
    private static final byte COMPUTED = 2;

    private final int width;
    private final byte[] source;
    private final int[] column;
    private final RowExpr[] computed;

    Projection(List<Expr> output, ExprCompiler compiler) {
        width = output.size();
        source = new byte[width];
        column = new int[width];
        computed = new RowExpr[width];
        for (int i = 0; i < width; i++) {
            Expr expr = output.get(i);
            if (expr instanceof ColumnRef ref && ref.side() == Side.INPUT) {
                source[i] = FROM_INPUT;
                column[i] = ref.column();
            } else if (expr instanceof ColumnRef ref && ref.side() == Side.TUPLE) {
                source[i] = FROM_TUPLE;
                column[i] = ref.column();
            } else {
                source[i] = COMPUTED;
                computed[i] = compiler.compile(expr);
            }
        }
    }

    int width() {
        return width;
    }

    /** True if every column is copied from the input row or the tuple (nothing computed). */
    boolean copiesOnly() {
        for (byte s : source) {
            if (s == COMPUTED) {
                return false;
            }
        }
        return true;
    }

    /** True if output column i is copied from the input row (else from the tuple, or computed). */
    boolean fromInput(int i) {
        return source[i] == FROM_INPUT;
    }

    /** The input or tuple column that output column i copies. */
    int column(int i) {
        return column[i];
    }

    /** Writes one row of copied columns at out[at, at + width); only for copiesOnly projections. */
    void copyAt(int[] in, int inBase, int[] tuple, int tupleBase, int[] out, int at) {
        for (int i = 0; i < width; i++) {
            out[at + i] = source[i] == FROM_INPUT ? in[inBase + column[i]] : tuple[tupleBase + column[i]];
        }
    }

    /** Appends one output row to the buffer. */
    void write(int[] in, int inBase, int[] tuple, int tupleBase, int aggregate, IntBuffer out) {
        int base = out.reserve(1, width);
        writeAt(in, inBase, tuple, tupleBase, aggregate, out.current(), base);
    }

    /** Writes one output row at out[at, at + width). */
    void writeAt(int[] in, int inBase, int[] tuple, int tupleBase, int aggregate, int[] out, int at) {
        for (int i = 0; i < width; i++) {
            out[at + i] = switch (source[i]) {
                case FROM_INPUT -> in[inBase + column[i]];
                case FROM_TUPLE -> tuple[tupleBase + column[i]];
                default -> computed[i].eval(in, inBase, tuple, tupleBase, aggregate);
            };
        }
    }
}
