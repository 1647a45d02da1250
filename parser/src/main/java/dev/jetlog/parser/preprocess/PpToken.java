// One preprocessing token: its kind and text, where it came from, and the names of the macros whose
// expansion produced it (its hide set: those are not expanded again inside it).
package dev.jetlog.parser.preprocess;

import java.util.Set;

/**
 * @param file the file, line and column of the token's origin: its own place when {@code exact}, otherwise
 *             the invocation of the macro whose expansion made it
 * @param exact true when the text is a copy of the original text at the origin
 */
record PpToken(Kind kind, String text, String file, int line, int column, boolean exact, Set<String> hideSet) {
    enum Kind {
        IDENTIFIER, NUMBER, STRING, PUNCTUATOR, OTHER,
        /** Spaces and tabs (and a lone carriage return). */
        WHITESPACE,
        /** A comment; a block comment may span lines. */
        COMMENT,
        /** A line terminator, "\n" or "\r\n". */
        NEWLINE,
        /** Stands for an empty macro argument next to '##'; never output. */
        PLACEMARKER
    }

    /** A token that appears as is at file:line:column. */
    static PpToken original(Kind kind, String text, String file, int line, int column) {
        return new PpToken(kind, text, file, line, column, true, Set.of());
    }

    /** A token made by expanding the macro invoked at {@code invocation}. */
    static PpToken madeAt(Kind kind, String text, PpToken invocation) {
        return new PpToken(kind, text, invocation.file, invocation.line, invocation.column, false, Set.of());
    }

    /** This token's text and kind, placed as part of the expansion invoked at {@code invocation}. */
    PpToken movedTo(PpToken invocation) {
        return new PpToken(kind, text, invocation.file, invocation.line, invocation.column, false, hideSet);
    }

    PpToken withHideSet(Set<String> names) {
        return new PpToken(kind, text, file, line, column, exact, names);
    }

    /** Whitespace or a comment: separates tokens on a line. */
    boolean isBlank() {
        return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }

    boolean isPunctuator(String punctuator) {
        return kind == Kind.PUNCTUATOR && text.equals(punctuator);
    }

    boolean isIdentifier(String name) {
        return kind == Kind.IDENTIFIER && text.equals(name);
    }
}
