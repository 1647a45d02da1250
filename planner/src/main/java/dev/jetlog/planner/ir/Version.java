// The versions of a relation that the semi-naive loop keeps.
package dev.jetlog.planner.ir;

public enum Version {
    /** Every tuple known so far. */
    FULL,
    /** The tuples first found in the previous iteration. */
    DELTA
}
