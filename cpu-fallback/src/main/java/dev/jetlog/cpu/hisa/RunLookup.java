// What a join reads from an index: for a key, the slot of its run of matching tuples, where that run
// starts in the sorted order, and how long it is. A HISA index is one; a membership index is another.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

public interface RunLookup {
    /** The slot of the key's run, or -1 if no tuple has the key. */
    int find(int[] key);

    /** The position in the sorted order of the first tuple of the slot's run. */
    int start(int slot);

    /** The number of tuples in the slot's run. */
    int count(int slot);

    /** The tuples the runs point into. */
    Tuples rows();

    /** Sorted position to row of rows(), or null where the rows are in that order already. */
    int[] sortedRows();
}
