// Accumulates the wall time of backend calls per operation kind, in plain longs: it wraps every backend
// call, so it must not box (two million one-row iterations made that show in the profile). A timer that
// does not measure just makes the call: reading the clock twice per call is itself a cost there.
package dev.jetlog.seminaive.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

final class OperationTimer {
    private static final Operation[] OPERATIONS = Operation.values();

    private final long[] nanos = new long[OPERATIONS.length];
    private final boolean[] timed = new boolean[OPERATIONS.length];
    private final boolean measuring;

    /** A timer that measures each call, or (measuring false) one that only makes them and reports nothing. */
    OperationTimer(boolean measuring) {
        this.measuring = measuring;
    }

    <T> T time(Operation operation, Supplier<T> call) {
        if (!measuring) {
            return call.get();
        }
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos[operation.ordinal()] += System.nanoTime() - start;
            timed[operation.ordinal()] = true;
        }
    }

    /** True if calls are timed (else time just makes them). */
    boolean measuring() {
        return measuring;
    }

    /** The totals so far of the operations timed since the last drain, then starts over. */
    Map<Operation, Long> drain() {
        Map<Operation, Long> result = new EnumMap<>(Operation.class);
        for (Operation operation : OPERATIONS) {
            if (timed[operation.ordinal()]) {
                result.put(operation, nanos[operation.ordinal()]);
            }
        }
        Arrays.fill(nanos, 0);
        Arrays.fill(timed, false);
        return result;
    }
}
