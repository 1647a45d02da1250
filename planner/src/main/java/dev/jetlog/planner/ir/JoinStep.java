// Equi-join of the input rows with a relation version through a HISA index: for each input row the
// key expressions (over INPUT) are looked up on the index's key columns, and every matching tuple
// that passes the filters (over INPUT and TUPLE) produces one output row.
package dev.jetlog.planner.ir;

import java.util.List;

public record JoinStep(int inputWidth, RelationRef relation, IndexSpec index, List<Expr> key,
                       List<Filter> filters, List<Expr> output) implements Step {
    public JoinStep {
        key = List.copyOf(key);
        filters = List.copyOf(filters);
        output = List.copyOf(output);
        if (key.size() != index.keyLength()) {
            throw new IllegalArgumentException("key has " + key.size() + " values for " + index);
        }
    }
}
