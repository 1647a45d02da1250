// Turns ANTLR tokens (and line/column pairs of the parsed text) into 1-based positions in the original
// source, through the source's line map when it was preprocessed.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.SourcePos;
import org.antlr.v4.runtime.Token;

final class Positions {
    private final SourceText source;

    Positions(SourceText source) {
        this.source = source;
    }

    SourcePos of(Token token) {
        return at(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The position of a character at an offset from the start of a token on the same line. */
    SourcePos of(Token token, int offset) {
        return at(token.getLine(), token.getCharPositionInLine() + 1 + offset);
    }

    /** The position of a 1-based line and column of the parsed text. */
    SourcePos at(int line, int column) {
        return source.position(line, column);
    }
}
