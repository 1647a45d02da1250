// `x = range(from, to[, step])`: for each INPUT row, every value of the range (Soufflé's semantics: from
// up to, or down to, to, exclusive; without a step, 1 or -1 by direction; a step of 0 gives from alone
// when from != to; a step against the direction gives nothing; a value that would overflow ends the range).
// Each value is the TUPLE side's column 0 for the filters and the output.
package dev.jetlog.planner.ir;

import java.util.ArrayList;
import java.util.List;

public record GenerateStep(int inputWidth, Expr from, Expr to, Expr step, ValueType type, List<Filter> filters,
                           List<Expr> output) implements Step {
    public GenerateStep {
        filters = List.copyOf(filters);
        output = List.copyOf(output);
    }

    /** True when the range has no explicit step (1 or -1, by direction). */
    public boolean defaultStep() {
        return step == null;
    }

    @Override
    public RelationRef relation() {
        return null;
    }

    @Override
    public List<Expr> expressions() {
        List<Expr> all = new ArrayList<>(List.of(from, to));
        if (step != null) {
            all.add(step);
        }
        all.addAll(Step.super.expressions());
        return all;
    }

    /** Generated on the host: one row in, any number out, which no device kernel does yet. */
    @Override
    public boolean needsHost() {
        return true;
    }
}
