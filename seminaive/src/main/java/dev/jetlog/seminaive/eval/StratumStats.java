// What evaluating one stratum took: iterations, tuples derived, wall time, and time per operation.
package dev.jetlog.seminaive.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public record StratumStats(int index, List<String> relations, int iterations, long tuples, long nanos,
                           Map<Operation, Long> operationNanos) {
    public StratumStats {
        relations = List.copyOf(relations);
        operationNanos = Map.copyOf(new EnumMap<>(operationNanos));
    }

    public double millis() {
        return nanos / 1e6;
    }
}
