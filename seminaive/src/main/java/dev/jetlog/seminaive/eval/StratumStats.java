// What evaluating one stratum took: iterations, candidate tuples the rules produced (duplicates
// included), tuples in its relations at the end, wall time, and time per operation.
package dev.jetlog.seminaive.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public record StratumStats(int index, List<String> relations, int iterations, long candidates, long tuples, long nanos,
                           Map<Operation, Long> operationNanos) {
    public StratumStats {
        relations = List.copyOf(relations);
        operationNanos = Map.copyOf(new EnumMap<>(operationNanos));
    }

    public double millis() {
        return nanos / 1e6;
    }
}
