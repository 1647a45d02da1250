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

    /** Diagnostics rendered in full by render(); the rest are counted. */
    public static final int RENDERED = 20;

    /**
     * The first RENDERED diagnostics, each with its source line and caret, separated by newlines, then a
     * line counting the errors and warnings left out, if any.
     */
    public String render() {
        String shown = diagnostics.stream().limit(RENDERED).map(d -> d.render(source))
                .collect(Collectors.joining("\n"));
        if (diagnostics.size() <= RENDERED) {
            return shown;
        }
        List<Diagnostic> rest = diagnostics.subList(RENDERED, diagnostics.size());
        long errors = rest.stream().filter(Diagnostic::isError).count();
        long warnings = rest.size() - errors;
        return shown + "\n... and " + (errors > 0 ? errors + (errors == 1 ? " more error" : " more errors") : "")
                + (errors > 0 && warnings > 0 ? " and " : "")
                + (warnings > 0 ? warnings + (warnings == 1 ? " more warning" : " more warnings") : "");
    }
}
