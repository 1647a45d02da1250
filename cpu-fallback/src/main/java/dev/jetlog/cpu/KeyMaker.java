// Computes the lookup key of an input row from the step's key expressions.
package dev.jetlog.cpu;

import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.Side;

import java.util.List;

final class KeyMaker {
    private final int[] inputColumns;
    private final RowExpr[] exprs;

    KeyMaker(List<Expr> key, ExprCompiler compiler) {
        boolean plain = key.stream().allMatch(e -> e instanceof ColumnRef ref && ref.side() == Side.INPUT);
        if (plain) {
            inputColumns = key.stream().mapToInt(e -> ((ColumnRef) e).column()).toArray();
            exprs = null;
        } else {
            inputColumns = null;
            exprs = key.stream().map(compiler::compile).toArray(RowExpr[]::new);
        }
    }

    /** The input columns the key copies, in key order, or null where it computes any. */
    int[] inputColumns() {
        return inputColumns == null ? null : inputColumns.clone();
    }

    int length() {
        return inputColumns != null ? inputColumns.length : exprs.length;
    }

    void make(int[] in, int inBase, int[] key) {
        if (inputColumns != null) {
            for (int i = 0; i < inputColumns.length; i++) {
                key[i] = in[inBase + inputColumns[i]];
            }
        } else {
            for (int i = 0; i < exprs.length; i++) {
                key[i] = exprs[i].eval(in, inBase, RowExpr.NO_ROW, 0, 0);
            }
        }
    }
}
