// Statistics of a whole evaluation: one entry per stratum, in evaluation order.
package dev.jetlog.seminaive.eval;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** Rules listed by {@link #format()}: the slowest this many. */
    static final int RULES_SHOWN = 10;

    /**
     * A table for humans, one line per stratum, then the time per operation and the slowest rules where
     * they were measured ({@link EvaluationOptions#withOperationTimes}).
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
        text.append('\n');
        formatSlowestRules(text);
        return text.toString();
    }

    /**
     * The slowest rule versions of the whole evaluation, each with its stratum: their pipelines' time
     * (scans, joins, handing over candidates; deduplication is per relation, in the stratum's dedup).
     */
    private void formatSlowestRules(StringBuilder text) {
        List<Map.Entry<StratumStats, RuleStats>> rules = new ArrayList<>();
        for (StratumStats stratum : strata) {
            for (RuleStats rule : stratum.rules()) {
                rules.add(Map.entry(stratum, rule));
            }
        }
        if (rules.isEmpty()) {
            return;
        }
        rules.sort(Comparator.comparingLong((Map.Entry<StratumStats, RuleStats> entry) -> entry.getValue().nanos())
                .reversed());
        text.append(String.format("%-44s %8s %8s %14s %12s%n", "slowest rules (their pipelines)", "stratum", "runs",
                "candidates", "time ms"));
        for (Map.Entry<StratumStats, RuleStats> entry : rules.subList(0, Math.min(RULES_SHOWN, rules.size()))) {
            RuleStats rule = entry.getValue();
            String name = rule.label() + " " + rule.headRelation();
            if (name.length() > 44) {
                name = name.substring(0, 41) + "...";
            }
            text.append(String.format("%-44s %8d %8d %14d %12.1f%n", name, entry.getKey().index(), rule.runs(),
                    rule.candidates(), rule.millis()));
        }
    }
}
