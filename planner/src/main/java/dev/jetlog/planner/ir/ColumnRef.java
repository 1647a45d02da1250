// Reads one column of the input row, of the relation tuple, or the aggregate value.
package dev.jetlog.planner.ir;

public record ColumnRef(Side side, int column) implements Expr {
    @Override
    public boolean reads(Side s) {
        return side == s;
    }

    @Override
    public String toString() {
        return switch (side) {
            case INPUT -> "in[" + column + "]";
            case TUPLE -> "t[" + column + "]";
            case AGGREGATE -> "agg";
        };
    }
}
