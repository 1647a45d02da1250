// A compiled comparison on the input row, the relation tuple and the aggregate value.
package dev.jetlog.cpu;

@FunctionalInterface
interface RowFilter {
    boolean test(int[] in, int inBase, int[] tuple, int tupleBase, int aggregate);
}
