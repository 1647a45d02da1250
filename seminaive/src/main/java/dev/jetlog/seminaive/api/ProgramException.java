// Thrown by JetLog.compile when the program has errors: each at its file:line:col, renderable with carets.
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;

import java.util.List;

/**
 * The program cannot be compiled: {@link #problems()} lists every error (and the warnings found with them),
 * each at its file, line and column; {@link #render()} shows them with their source lines and carets, as the
 * command line prints them. Its message is the first error's one-line form.
 */
public final class ProgramException extends JetLogException {
    private static final long serialVersionUID = 1L;

    private final transient DatalogException diagnostics;
    private final List<Problem> problems;

    ProgramException(DatalogException diagnostics) {
        super(diagnostics.getMessage(), diagnostics);
        this.diagnostics = diagnostics;
        this.problems = diagnostics.diagnostics().stream().map(ProgramException::problem).toList();
    }

    static Problem problem(Diagnostic diagnostic) {
        return diagnostic.pos() == null
                ? new Problem(diagnostic.isError(), "", 0, 0, diagnostic.message())
                : new Problem(diagnostic.isError(), diagnostic.pos().file(), diagnostic.pos().line(),
                        diagnostic.pos().column(), diagnostic.message());
    }

    /** The errors and warnings, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The errors alone. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The first problems with their source lines and carets, then a count of the rest. */
    public String render() {
        return diagnostics.render();
    }
}
