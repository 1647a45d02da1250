// Statistics of a whole evaluation: one entry per stratum, in evaluation order.
package dev.jetlog.seminaive.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public record EvaluationStats(List<StratumStats> strata, long nanos) {
    public EvaluationStats {
        strata = List.copyOf(strata);
    }

    /** Time per operation summed over all strata. */
    public Map<Operation, Long> operationNanos() {
        Map<Operation, Long> total = new EnumMap<>(Operation.class);
        for (StratumStats stratum : strata) {
            stratum.operationNanos().forEach((op, nanos) -> total.merge(op, nanos, Long::sum));
        }
        return total;
    }

    /**
     * A table for humans, one line per stratum, then the time per operation where it was measured
     * ({@link EvaluationOptions#withOperationTimes}).
     */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-8s %-32s %10s %14s %14s %12s%n", "stratum", "relations", "iterations", "candidates",
                "tuples", "time ms"));
        for (StratumStats s : strata) {
            String names = String.join(",", s.relations());
            if (names.length() > 32) {
                names = names.substring(0, 29) + "...";
            }
            text.append(String.format("%-8d %-32s %10d %14d %14d %12.1f%n", s.index(), names, s.iterations(),
                    s.candidates(), s.tuples(), s.millis()));
        }
        text.append(String.format("total %.1f ms", nanos / 1e6));
        Map<Operation, Long> operations = operationNanos();
        if (!operations.isEmpty()) {
            text.append(';');
            operations.forEach((op, n) -> text.append(String.format(" %s %.1f ms", op.label(), n / 1e6)));
        }
        return text.append('\n').toString();
    }
}
