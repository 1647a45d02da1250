// Which row an expression column refers to inside one pipeline step.
package dev.jetlog.planner.ir;

public enum Side {
    /** The row flowing into the step: the intermediate produced by the previous step. */
    INPUT,
    /** The tuple of the relation the step scans, joins or aggregates over. */
    TUPLE,
    /** The aggregate's result (column 0), visible to an aggregate step's post-filters and output. */
    AGGREGATE
}
