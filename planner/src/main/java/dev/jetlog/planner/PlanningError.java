// Thrown inside the planner when a rule cannot be turned into a pipeline; carries the diagnostic.
package dev.jetlog.planner;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.SourcePos;

final class PlanningError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    PlanningError(SourcePos pos, String message) {
        super(message);
        this.diagnostic = Diagnostic.error(pos, message);
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
