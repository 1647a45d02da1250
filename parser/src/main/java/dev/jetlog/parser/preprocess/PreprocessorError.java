// An error found while preprocessing, at a token's position. It ends the directive or macro call at
// hand; a fatal one (includes nested too deep, an expansion too large) ends the preprocessing.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.SourcePos;

final class PreprocessorError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;
    private final boolean fatal;

    private PreprocessorError(PpToken at, String message, boolean fatal) {
        super(message, null, false, false);
        this.diagnostic = Diagnostic.error(new SourcePos(at.file(), at.line(), at.column()), message);
        this.fatal = fatal;
    }

    static PreprocessorError at(PpToken token, String message) {
        return new PreprocessorError(token, message, false);
    }

    static PreprocessorError fatal(PpToken token, String message) {
        return new PreprocessorError(token, message, true);
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }

    boolean isFatal() {
        return fatal;
    }
}
