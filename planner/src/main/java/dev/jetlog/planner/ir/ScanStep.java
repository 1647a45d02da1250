// The source of a pipeline: every tuple of a relation version (the TUPLE side) that passes the filters,
// read in the order of an index (keyLength 0). When the output reads only the first distinctColumns
// columns of that order, tuples that agree on them with the tuple emitted before are skipped, so a
// column that nothing reads (`_`, a variable used nowhere else) never multiplies the rows.
package dev.jetlog.planner.ir;

import java.util.List;

public record ScanStep(RelationRef relation, IndexSpec order, int distinctColumns, List<Filter> filters,
                       List<Expr> output) implements Step {
    public ScanStep {
        filters = List.copyOf(filters);
        output = List.copyOf(output);
        if (order.keyLength() != 0) {
            throw new IllegalArgumentException("a scan reads an order, not a key: " + order);
        }
        if (distinctColumns < 0 || distinctColumns > order.arity()) {
            throw new IllegalArgumentException(distinctColumns + " distinct columns of " + order);
        }
    }

    /** A scan in canonical order that keeps every tuple. */
    public static ScanStep of(RelationRef relation, int arity, List<Filter> filters, List<Expr> output) {
        return new ScanStep(relation, IndexSpec.unkeyed(arity), arity, filters, output);
    }

    public int arity() {
        return order.arity();
    }

    /** True if tuples equal on the first distinctColumns columns of the order yield one row. */
    public boolean skipsRepeats() {
        return distinctColumns < order.arity();
    }

    @Override
    public int inputWidth() {
        return 0;
    }

    /**
     * True if tuples stored in canonical order already lie grouped by the distinct columns (the order starts
     * 0, 1, ..., distinctColumns-1), so skipping repeats needs no index in another order.
     */
    public boolean groupsInStoredOrder() {
        for (int i = 0; i < distinctColumns; i++) {
            if (order.column(i) != i) {
                return false;
            }
        }
        return true;
    }

    /** True if the step copies each tuple unchanged, so the relation itself can serve as its result. */
    public boolean isIdentity() {
        int arity = arity();
        if (!filters.isEmpty() || output.size() != arity || skipsRepeats()) {
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
