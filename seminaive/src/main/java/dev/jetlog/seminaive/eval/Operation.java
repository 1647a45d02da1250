// The kinds of backend work the driver times separately.
package dev.jetlog.seminaive.eval;

public enum Operation {
    /** Scans, joins, anti-joins and aggregates. */
    JOIN("join"),
    /** Sort-unique of candidate tuples and their difference with the full relation. */
    DEDUPLICATE("dedup"),
    /** Merging new tuples into the full relation. */
    MERGE("merge"),
    /** Building HISA indexes. */
    INDEX("index"),
    /** Moving facts into the backend. */
    TRANSFER("load");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
