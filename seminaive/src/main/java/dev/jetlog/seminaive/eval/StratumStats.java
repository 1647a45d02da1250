// What evaluating one stratum took: iterations, candidate tuples the rules produced (duplicates
// included), tuples in its relations at the end, wall time, time per operation, and what each rule
// version cost, slowest first (those two only where operations are timed).
package dev.jetlog.seminaive.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public record StratumStats(int index, List<String> relations, int iterations, long candidates, long tuples, long nanos,
                           Map<Operation, Long> operationNanos, List<RuleStats> rules) {
    public StratumStats {
        relations = List.copyOf(relations);
        operationNanos = Map.copyOf(new EnumMap<>(operationNanos));
        rules = List.copyOf(rules);
    }

    public double millis() {
        return nanos / 1e6;
    }
}
