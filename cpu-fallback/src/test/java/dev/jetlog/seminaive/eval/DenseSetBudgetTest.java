// The bytes a relation's dense set may take: 64 a row of its full version (or 16 MiB), within a sixteenth
// of the memory budget and 512 MiB, from the loop's start as between iterations.
// (In the evaluator's package, whose sizing rule is package-private.)
package dev.jetlog.seminaive.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DenseSetBudgetTest {
    private static final long MIB = 1 << 20;
    private static final long SIX_GIB = 6L << 30;

    @Test
    void aFewRowsGetTheMinimumHoweverLargeTheBudget() {
        // SG on TG.cedge starts its loop with 23,108 rows: its 83 MB box waits until the relation grows into it
        assertEquals(16 * MIB, Evaluator.denseSetBytes(23_108, SIX_GIB));
        assertEquals(16 * MIB, Evaluator.denseSetBytes(0, SIX_GIB));
    }

    @Test
    void moreRowsGetSixtyFourBytesEach() {
        assertEquals(64_000_000, Evaluator.denseSetBytes(1_000_000, SIX_GIB));
    }

    @Test
    void theBudgetAndTheCeilingBoundEverySet() {
        assertEquals(64 * MIB, Evaluator.denseSetBytes(100_000_000, 1L << 30));
        assertEquals(1 * MIB, Evaluator.denseSetBytes(0, 16 * MIB));
        assertEquals(512 * MIB, Evaluator.denseSetBytes(100_000_000, 64L << 30));
        assertEquals(512 * MIB, Evaluator.denseSetBytes(Long.MAX_VALUE, Long.MAX_VALUE));
    }
}
