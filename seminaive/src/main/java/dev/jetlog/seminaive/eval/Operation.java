// The kinds of backend work the driver times separately.
package dev.jetlog.seminaive.eval;

public enum Operation {
    JOIN("join"), SORT("sort-unique"), DIFFERENCE("difference"), MERGE("merge"), INDEX("index"), TRANSFER("load");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
