// One relational operator of a rule's pipeline. Each step consumes the rows produced by the step
// before it (the INPUT side; the first step consumes a single empty row), keeps the rows that pass
// its filters, and produces one row per match made of its output expressions. The last step's
// output is the head tuple.
package dev.jetlog.planner.ir;

import java.util.ArrayList;
import java.util.List;

public sealed interface Step permits UnitStep, ScanStep, JoinStep, AntiJoinStep, AggregateStep, GenerateStep {
    /** Width of the rows this step consumes. */
    int inputWidth();

    /** Comparisons every produced row must satisfy, in evaluation order. */
    List<Filter> filters();

    /** The columns of each produced row. */
    List<Expr> output();

    /** The relation this step reads, or null for a unit step. */
    RelationRef relation();

    default int outputWidth() {
        return output().size();
    }

    /** Every expression the step evaluates: keys, aggregate targets and inner filters, filters, output. */
    default List<Expr> expressions() {
        List<Expr> all = new ArrayList<>();
        for (Filter filter : filters()) {
            all.add(filter.left());
            all.add(filter.right());
        }
        all.addAll(output());
        return all;
    }

    /** True if some expression of the step runs on the host (a symbol function or a user-defined functor). */
    default boolean needsHost() {
        return expressions().stream().anyMatch(Expr::needsHost);
    }
}
