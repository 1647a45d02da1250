// Correlated aggregate: for each input row, the tuples whose index key equals the key expressions
// (over INPUT) and that pass the inner filters (over INPUT and TUPLE) are aggregated: counted, or
// the target (over INPUT and TUPLE) summed, minimised or maximised in the given value type.
// count and sum of no tuples give 0; min and max of no tuples drop the row. The result is the
// AGGREGATE side; the filters and output read INPUT and AGGREGATE.
package dev.jetlog.planner.ir;

import dev.jetlog.parser.ast.AggregateKind;

import java.util.List;

public record AggregateStep(int inputWidth, RelationRef relation, IndexSpec index, List<Expr> key,
                            AggregateKind kind, ValueType type, Expr target, List<Filter> innerFilters,
                            List<Filter> filters, List<Expr> output) implements Step {
    public AggregateStep {
        key = List.copyOf(key);
        innerFilters = List.copyOf(innerFilters);
        filters = List.copyOf(filters);
        output = List.copyOf(output);
        if (key.size() != index.keyLength()) {
            throw new IllegalArgumentException("key has " + key.size() + " values for " + index);
        }
        if ((target == null) != (kind == AggregateKind.COUNT)) {
            throw new IllegalArgumentException(kind + " with target " + target);
        }
    }

    @Override
    public List<Expr> expressions() {
        List<Expr> all = new java.util.ArrayList<>(Step.super.expressions());
        all.addAll(key);
        if (target != null) {
            all.add(target);
        }
        for (Filter filter : innerFilters) {
            all.add(filter.left());
            all.add(filter.right());
        }
        return all;
    }
}
