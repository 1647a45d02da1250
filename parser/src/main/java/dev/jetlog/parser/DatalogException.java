// Thrown when a program cannot be accepted: carries every error found (and the warnings seen so far).
// getMessage() is the first error's one-line form; render() gives all of them with source lines and carets.
package dev.jetlog.parser;

import java.util.List;
import java.util.stream.Collectors;

public class DatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;
    private final transient SourceText source;

    public DatalogException(SourceText source, List<Diagnostic> diagnostics) {
        super(firstError(diagnostics));
        this.source = source;
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String firstError(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(Diagnostic::isError).findFirst()
                .or(() -> diagnostics.stream().findFirst())
                .map(Diagnostic::headline).orElse("invalid program");
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    public SourceText source() {
        return source;
    }

    /** Every diagnostic, each with its source line and caret, separated by newlines. */
    public String render() {
        return diagnostics.stream().map(d -> d.render(source)).collect(Collectors.joining("\n"));
    }
}
