// Equi-join of the input rows with a relation version through a HISA index: for each input row the
// key expressions (over INPUT) are looked up on the index's key columns, and every matching tuple
// that passes the filters (over INPUT and TUPLE) produces one output row. When the output reads only
// the first distinctColumns columns of the index order (the key included), a matching tuple that agrees
// on them with the tuple emitted before for the same input row is skipped: columns that nothing reads
// never multiply the rows (distinctColumns == keyLength makes the join an existence check).
package dev.jetlog.planner.ir;

import java.util.List;

public record JoinStep(int inputWidth, RelationRef relation, IndexSpec index, int distinctColumns, List<Expr> key,
                       List<Filter> filters, List<Expr> output) implements Step {
    public JoinStep {
        key = List.copyOf(key);
        filters = List.copyOf(filters);
        output = List.copyOf(output);
        if (key.size() != index.keyLength()) {
            throw new IllegalArgumentException("key has " + key.size() + " values for " + index);
        }
        if (distinctColumns < index.keyLength() || distinctColumns > index.arity()) {
            throw new IllegalArgumentException(distinctColumns + " distinct columns of " + index);
        }
    }

    /** A join that keeps every matching tuple. */
    public static JoinStep of(int inputWidth, RelationRef relation, IndexSpec index, List<Expr> key,
                              List<Filter> filters, List<Expr> output) {
        return new JoinStep(inputWidth, relation, index, index.arity(), key, filters, output);
    }

    /** True if matches equal on the first distinctColumns columns of the index order yield one row. */
    public boolean skipsRepeats() {
        return distinctColumns < index.arity();
    }

    @Override
    public List<Expr> expressions() {
        List<Expr> all = new java.util.ArrayList<>(Step.super.expressions());
        all.addAll(key);
        return all;
    }
}
