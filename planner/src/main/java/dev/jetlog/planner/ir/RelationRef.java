// A relation read in one version.
package dev.jetlog.planner.ir;

public record RelationRef(String relation, Version version) {
    @Override
    public String toString() {
        return version == Version.DELTA ? "Δ" + relation : relation;
    }
}
