// Turns ANTLR tokens into 1-based source positions of one named source.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;
import org.antlr.v4.runtime.Token;

final class Positions {
    private final String file;

    Positions(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    SourcePos of(Token token) {
        return new SourcePos(file, token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The position of a character at an offset from the start of a token on the same line. */
    SourcePos of(Token token, int offset) {
        return new SourcePos(file, token.getLine(), token.getCharPositionInLine() + 1 + offset);
    }
}
