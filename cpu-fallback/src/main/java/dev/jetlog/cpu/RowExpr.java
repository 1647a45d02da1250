// A compiled scalar expression: evaluated on the input row, the relation tuple and the aggregate value.
package dev.jetlog.cpu;

@FunctionalInterface
interface RowExpr {
    int eval(int[] in, int inBase, int[] tuple, int tupleBase, int aggregate);
}
