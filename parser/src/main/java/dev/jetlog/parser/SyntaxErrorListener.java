// Collects the parser's syntax errors as diagnostics at the offending token (1-based line and column).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import java.util.ArrayList;
import java.util.List;

final class SyntaxErrorListener extends BaseErrorListener {
    private final String file;
    private final List<Diagnostic> errors = new ArrayList<>();

    SyntaxErrorListener(String file) {
        this.file = file;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException e) {
        Diagnostic error = Diagnostic.error(new SourcePos(file, line, charPositionInLine + 1), message);
        // Recovery can report the same token twice; one report is enough.
        if (errors.isEmpty() || !errors.get(errors.size() - 1).pos().equals(error.pos())) {
            errors.add(error);
        }
    }
}
