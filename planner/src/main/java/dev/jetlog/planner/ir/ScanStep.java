// The source of a pipeline: every tuple of a relation version (the TUPLE side) that passes the filters.
package dev.jetlog.planner.ir;

import java.util.List;

public record ScanStep(RelationRef relation, int arity, List<Filter> filters, List<Expr> output) implements Step {
    public ScanStep {
        filters = List.copyOf(filters);
        output = List.copyOf(output);
    }

    @Override
    public int inputWidth() {
        return 0;
    }

    /** True if the step copies each tuple unchanged, so the relation itself can serve as its result. */
    public boolean isIdentity() {
        if (!filters.isEmpty() || output.size() != arity) {
            return false;
        }
        for (int i = 0; i < arity; i++) {
            if (!(output.get(i) instanceof ColumnRef ref) || ref.side() != Side.TUPLE || ref.column() != i) {
                return false;
            }
        }
        return true;
    }
}
