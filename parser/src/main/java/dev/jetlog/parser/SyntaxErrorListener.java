// Collects the parser's syntax errors as diagnostics at the offending token (1-based line and column);
// an error at the end of the file is placed just after the last token, where the missing text belongs.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

import java.util.ArrayList;
import java.util.List;

final class SyntaxErrorListener extends BaseErrorListener {
    private final Positions positions;
    private final List<Diagnostic> errors = new ArrayList<>();

    SyntaxErrorListener(Positions positions) {
        this.positions = positions;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException e) {
        SourcePos pos = positions.at(line, charPositionInLine + 1);
        if (offendingSymbol instanceof Token token && token.getType() == Token.EOF
                && recognizer.getInputStream() instanceof TokenStream tokens) {
            Token previous = tokens.LT(-1);
            if (previous != null && previous.getType() != Token.EOF && previous.getText() != null
                    && !previous.getText().contains("\n")) {
                pos = positions.of(previous, previous.getText().length());
            }
        }
        Diagnostic error = Diagnostic.error(pos, message);
        // Recovery can report the same token twice; one report is enough.
        if (errors.isEmpty() || !errors.get(errors.size() - 1).pos().equals(error.pos())) {
            errors.add(error);
        }
    }
}
