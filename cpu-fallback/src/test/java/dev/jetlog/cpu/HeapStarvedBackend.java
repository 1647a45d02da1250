// A stand-in for the CPU backend in a Java heap too full for large merges: its first `refusals` merges of
// more than `maxRows` rows throw OutOfMemoryError before touching their inputs, as the allocation of the
// merged copy would. Tests only.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.Rows;

final class HeapStarvedBackend extends FaultyDeviceBackend {
    static final String NAME = "heap-starved";

    private final long maxRows;
    private int refusalsLeft;
    private int refused;

    HeapStarvedBackend(BackendOptions options, int refusals, long maxRows) {
        super(options, Integer.MAX_VALUE);
        this.refusalsLeft = refusals;
        this.maxRows = maxRows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return NAME + " (refuses " + refusalsLeft + " merges above " + maxRows + " rows)";
    }

    @Override
    public Rows merge(Rows sortedFull, Rows sortedDelta) {
        if (refusalsLeft > 0 && sortedFull.size() + sortedDelta.size() > maxRows) {
            refusalsLeft--;
            refused++;
            throw new OutOfMemoryError("Java heap space (simulated, merge of "
                    + (sortedFull.size() + sortedDelta.size()) + " rows)");
        }
        return super.merge(sortedFull, sortedDelta);
    }

    /** How many merges this backend has refused so far. */
    int refused() {
        return refused;
    }
}
