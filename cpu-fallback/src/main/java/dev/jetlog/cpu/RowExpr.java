// A compiled scalar expression: evaluated on the input row, the relation tuple and the aggregate value.
package dev.jetlog.cpu;

@FunctionalInterface
interface RowExpr {
    /**
     * The row passed where a step has no input row or no tuple (a scan, an anti-join, a key): never
     * null, so that the JIT's null checks hoisted out of loops on one operator's profile hold for all.
     */
    int[] NO_ROW = new int[0];

    int eval(int[] in, int inBase, int[] tuple, int tupleBase, int aggregate);
}
