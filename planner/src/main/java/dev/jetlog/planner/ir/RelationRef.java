// A relation read in one version.
package dev.jetlog.planner.ir;

public record RelationRef(String relation, Version version) {
    @Override
    public String toString() {
        return switch (version) {
            case FULL -> relation;
            case DELTA -> "Δ" + relation;
            case OLD -> "old " + relation;
        };
    }
}
