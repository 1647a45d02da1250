// The versions of a relation that the semi-naive loop keeps.
package dev.jetlog.planner.ir;

public enum Version {
    /** Every tuple known so far. */
    FULL,
    /** The tuples first found in the previous iteration. */
    DELTA,
    /**
     * The tuples known before the previous iteration: FULL without DELTA. A rule version reads its recursive
     * atoms before the DELTA one in this version, so that a derivation from several new tuples is made once
     * (by the version of its first new atom) rather than once per new atom. Reading FULL in its place only
     * repeats derivations, never loses one: the store gives FULL where the delta is not a tier of its own.
     */
    OLD
}
