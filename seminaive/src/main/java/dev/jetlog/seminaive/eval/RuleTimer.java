// Accumulates, per rule version of the stratum being evaluated, how often its pipeline ran, the candidate
// tuples it derived and its wall time, so that --stats can say which rules a stratum's time goes to.
// Where nothing is measured the caller runs the pipeline itself (measuring()): no clock reads, and no
// lambda per run, where iterations are many and tiny.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.RulePlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class RuleTimer {
    private static final int RUNS = 0;
    private static final int CANDIDATES = 1;
    private static final int NANOS = 2;

    private final boolean measuring;
    /** Per rule version (by identity: plans are records that compare whole rules): runs, candidates, nanos. */
    private final Map<RulePlan, long[]> totals = new IdentityHashMap<>();

    RuleTimer(boolean measuring) {
        this.measuring = measuring;
    }

    boolean measuring() {
        return measuring;
    }

    void run(RulePlan plan, Candidates candidates, Runnable pipeline) {
        if (!measuring) {
            pipeline.run();
            return;
        }
        long derivedBefore = candidates.derived();
        long start = System.nanoTime();
        try {
            pipeline.run();
        } finally {
            long[] total = totals.computeIfAbsent(plan, p -> new long[3]);
            total[RUNS]++;
            total[CANDIDATES] += candidates.derived() - derivedBefore;
            total[NANOS] += System.nanoTime() - start;
        }
    }

    /** The rules measured since the last drain, slowest first; then starts over. */
    List<RuleStats> drain() {
        List<RuleStats> rules = new ArrayList<>(totals.size());
        totals.forEach((plan, total) -> rules.add(new RuleStats(plan.rule().pos(), plan.headRelation(),
                plan.deltaAtom(), (int) total[RUNS], total[CANDIDATES], total[NANOS])));
        totals.clear();
        rules.sort(Comparator.comparingLong(RuleStats::nanos).reversed());
        return rules;
    }
}
