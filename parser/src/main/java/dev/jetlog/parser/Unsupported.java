// Messages for the Soufflé constructs that JetLog recognises but does not support.
package dev.jetlog.parser;

import dev.jetlog.parser.grammar.DatalogLexer;
import org.antlr.v4.runtime.Token;

final class Unsupported {
    private Unsupported() {
    }

    static String directive(String keyword) {
        return "'" + keyword + "' is not supported";
    }

    static String functor(String name) {
        return "functor '" + name + "' is not supported";
    }

    static String qualifier(String name) {
        return "unsupported relation qualifier '" + name + "'";
    }

    static final String ADT = "'$' without a branch name (Soufflé's old auto-increment) is not supported; use autoinc()";

    /** True for the token types that only occur in unsupported constructs. */
    static boolean isUnsupportedType(int type) {
        return switch (type) {
            case DatalogLexer.UNSUPPORTED_DIRECTIVE -> true;
            default -> false;
        };
    }

    /** The message for a token that only occurs in an unsupported construct, or null for other tokens. */
    static String forToken(Token token) {
        return switch (token.getType()) {
            case DatalogLexer.UNSUPPORTED_DIRECTIVE -> directive(token.getText());
            default -> null;
        };
    }
}
