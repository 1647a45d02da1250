// Finds the lexer's error tokens (unterminated strings and comments, stray characters) and reports each one.
package dev.jetlog.parser;

import dev.jetlog.parser.grammar.DatalogLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

final class LexicalErrors {
    private LexicalErrors() {
    }

    static List<Diagnostic> find(List<Token> tokens, Positions positions) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Token token : tokens) {
            String message = switch (token.getType()) {
                case DatalogLexer.UNTERMINATED_STRING -> "unterminated string";
                case DatalogLexer.UNTERMINATED_COMMENT -> "unterminated comment";
                case DatalogLexer.UNTERMINATED_ANNOTATION -> "unterminated annotation: no ']' closes this '@['";
                case DatalogLexer.ERROR_CHAR -> "unexpected character " + describe(token.getText());
                default -> null;
            };
            if (message != null) {
                errors.add(Diagnostic.error(positions.of(token), message));
            }
        }
        return errors;
    }

    private static String describe(String text) {
        int c = text.codePointAt(0);
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
            return String.format("U+%04X", c);
        }
        return "'" + text + "'";
    }
}
