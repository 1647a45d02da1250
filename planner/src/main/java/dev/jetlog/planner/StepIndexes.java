// Which HISA index a step probes, if any.
package dev.jetlog.planner;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.Step;

public final class StepIndexes {
    private StepIndexes() {
    }

    /** The index a join, anti-join or aggregate step probes; null for scans and unit steps. */
    public static IndexSpec indexOf(Step step) {
        if (step instanceof JoinStep join) {
            return join.index();
        }
        if (step instanceof AntiJoinStep anti) {
            return anti.index();
        }
        if (step instanceof AggregateStep aggregate) {
            return aggregate.index();
        }
        return null;
    }
}
