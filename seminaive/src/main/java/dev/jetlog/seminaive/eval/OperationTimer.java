// Accumulates the wall time of backend calls per operation kind.
package dev.jetlog.seminaive.eval;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

final class OperationTimer {
    private final Map<Operation, Long> nanos = new EnumMap<>(Operation.class);

    <T> T time(Operation operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.merge(operation, System.nanoTime() - start, Long::sum);
        }
    }

    /** The totals so far, then starts over. */
    Map<Operation, Long> drain() {
        Map<Operation, Long> result = new EnumMap<>(nanos);
        nanos.clear();
        return result;
    }
}
