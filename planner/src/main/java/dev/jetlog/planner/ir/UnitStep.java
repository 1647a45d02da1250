// The source of a pipeline whose rule has no positive body atom (facts, `r(x) :- x = 3.`):
// a single empty row, filtered, then projected onto constants and computed values.
package dev.jetlog.planner.ir;

import java.util.List;

public record UnitStep(List<Filter> filters, List<Expr> output) implements Step {
    public UnitStep {
        filters = List.copyOf(filters);
        output = List.copyOf(output);
    }

    @Override
    public int inputWidth() {
        return 0;
    }

    @Override
    public RelationRef relation() {
        return null;
    }
}
