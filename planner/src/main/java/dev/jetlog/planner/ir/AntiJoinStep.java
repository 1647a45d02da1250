// Negation: keeps the input rows whose key (over INPUT) matches no tuple of the relation version,
// then applies the filters (over INPUT) and projects the output (over INPUT).
package dev.jetlog.planner.ir;

import java.util.List;

public record AntiJoinStep(int inputWidth, RelationRef relation, IndexSpec index, List<Expr> key,
                           List<Filter> filters, List<Expr> output) implements Step {
    public AntiJoinStep {
        key = List.copyOf(key);
        filters = List.copyOf(filters);
        output = List.copyOf(output);
        if (key.size() != index.keyLength()) {
            throw new IllegalArgumentException("key has " + key.size() + " values for " + index);
        }
    }

    @Override
    public List<Expr> expressions() {
        List<Expr> all = new java.util.ArrayList<>(Step.super.expressions());
        all.addAll(key);
        return all;
    }
}
