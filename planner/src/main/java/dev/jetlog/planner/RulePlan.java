// One evaluable version of a rule: the pipeline of steps whose last output is the head tuple.
// For a semi-naive version, deltaAtom is the body position of the atom read as DELTA (else -1).
package dev.jetlog.planner;

import dev.jetlog.parser.ast.Rule;
import dev.jetlog.planner.ir.Step;

import java.util.List;

public record RulePlan(Rule rule, String headRelation, int deltaAtom, List<Step> steps) {
    public RulePlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a rule plan needs at least one step");
        }
    }

    public Step lastStep() {
        return steps.get(steps.size() - 1);
    }
}
