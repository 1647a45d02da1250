// How serious a diagnostic is: errors stop the program, warnings do not.
package dev.jetlog.parser;

public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
