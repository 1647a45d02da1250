// Test helpers: parse a program that must fail and return its diagnostics' headlines.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

final class Diagnostics {
    static final String FILE = "t.dl";

    private Diagnostics() {
    }

    static DatalogException failure(String program) {
        return assertThrows(DatalogException.class, () -> DatalogParser.parse(FILE, program));
    }

    /** The headlines of the errors (not warnings) a failing program reports, in order. */
    static List<String> errors(String program) {
        return failure(program).errors().stream().map(Diagnostic::headline).toList();
    }

    static List<String> warnings(String program) {
        return DatalogParser.parse(FILE, program).warnings().stream().map(Diagnostic::headline).toList();
    }
}
