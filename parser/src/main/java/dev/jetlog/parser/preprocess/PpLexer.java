// Splits a file into preprocessing tokens, a line at a time, as C does: backslash-newline pairs are
// removed first (each token keeps the line and column where its first character stands), then comments,
// strings, numbers, identifiers, punctuators, whitespace and line terminators are recognised. Nothing is
// lost: without line continuations, the tokens' texts put together give the file back.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.ArrayList;
import java.util.List;

final class PpLexer {
    /** Punctuators of more than one character, longest first where one is a prefix of another. */
    private static final String[] LONG_PUNCTUATORS = {"...", "##", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>"};
    private static final String LONG_PUNCTUATOR_STARTS = ".#&|=!<>";
    private static final String SINGLE_PUNCTUATORS = "#()[]{},;:?~!%^&*-+=<>|/.";

    /** The text with line continuations removed. */
    private final String text;
    /** Offsets in {@link #text} where a line continuation was removed, ascending (repeated for several). */
    private final int[] continuations;
    private final String file;
    private int position;
    private int nextContinuation;
    private int line = 1;
    private int column = 1;

    PpLexer(String source, String file) {
        StringBuilder spliced = new StringBuilder(source.length());
        List<Integer> removed = new ArrayList<>();
        int from = 0;
        for (int i = source.indexOf('\\'); i >= 0; i = source.indexOf('\\', i + 1)) {
            int newline = newlineLength(source, i + 1);
            if (newline > 0) {
                spliced.append(source, from, i);
                removed.add(spliced.length());
                from = i + 1 + newline;
                i = from - 1;
            }
        }
        spliced.append(source, from, source.length());
        this.text = spliced.toString();
        this.continuations = removed.stream().mapToInt(Integer::intValue).toArray();
        this.file = file;
    }

    /** All the tokens of a text, placed in {@code file}. */
    static List<PpToken> tokenize(String source, String file) {
        PpLexer lexer = new PpLexer(source, file);
        List<PpToken> tokens = new ArrayList<>();
        for (List<PpToken> line = lexer.nextLine(); line != null; line = lexer.nextLine()) {
            tokens.addAll(line);
        }
        return tokens;
    }

    /** True when the text has a backslash at the end of a line (a line continuation). */
    static boolean hasContinuation(String source) {
        for (int i = source.indexOf('\\'); i >= 0; i = source.indexOf('\\', i + 1)) {
            if (newlineLength(source, i + 1) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int newlineLength(String s, int at) {
        if (at < s.length() && s.charAt(at) == '\n') {
            return 1;
        }
        return at + 1 < s.length() && s.charAt(at) == '\r' && s.charAt(at + 1) == '\n' ? 2 : 0;
    }

    /**
     * The tokens of the next line, its line terminator last (if it has one), or null at the end of the text.
     * A block comment over several lines is one token, so such a line spans them.
     */
    List<PpToken> nextLine() {
        if (position >= text.length()) {
            return null;
        }
        List<PpToken> tokens = new ArrayList<>();
        while (position < text.length()) {
            passContinuations();
            int startLine = line;
            int startColumn = column;
            int start = position;
            Kind kind = scan();
            tokens.add(PpToken.original(kind, text.substring(start, position), file, startLine, startColumn));
            if (kind == Kind.NEWLINE) {
                break;
            }
        }
        return tokens;
    }

    /** Advances over one token and says which kind it was. */
    private Kind scan() {
        char c = text.charAt(position);
        if (c == '\n' || c == '\r' && peek(1) == '\n') {
            advance(c == '\n' ? 1 : 2);
            return Kind.NEWLINE;
        }
        if (isBlank(c)) {
            while (position < text.length() && isBlank(text.charAt(position)) && !startsNewline()) {
                advance(1);
            }
            return Kind.WHITESPACE;
        }
        if (c == '/' && peek(1) == '/') {
            while (position < text.length() && !startsNewline()) {
                advance(1);
            }
            return Kind.COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            int end = text.indexOf("*/", position + 2);
            advance((end < 0 ? text.length() : end + 2) - position);
            return Kind.COMMENT;
        }
        if (c == '"') {
            advance(1);
            while (position < text.length() && !startsNewline()) {
                char d = text.charAt(position);
                advance(d == '\\' && position + 1 < text.length() && !newlineFollows() ? 2 : 1);
                if (d == '"') {
                    break;
                }
            }
            return Kind.STRING;
        }
        if (isDigit(c) || c == '.' && isDigit(peek(1))) {
            advance(1);
            while (position < text.length()) {
                char d = text.charAt(position);
                if ((d == 'e' || d == 'E' || d == 'p' || d == 'P') && (peek(1) == '+' || peek(1) == '-')) {
                    advance(2);
                } else if (isIdentifierPart(d) || d == '.') {
                    advance(1);
                } else {
                    break;
                }
            }
            return Kind.NUMBER;
        }
        if (isIdentifierStart(c)) {
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                advance(1);
            }
            return Kind.IDENTIFIER;
        }
        if (LONG_PUNCTUATOR_STARTS.indexOf(c) >= 0) {
            for (String punctuator : LONG_PUNCTUATORS) {
                if (text.startsWith(punctuator, position)) {
                    advance(punctuator.length());
                    return Kind.PUNCTUATOR;
                }
            }
        }
        if (SINGLE_PUNCTUATORS.indexOf(c) >= 0) {
            advance(1);
            return Kind.PUNCTUATOR;
        }
        advance(Character.charCount(text.codePointAt(position)));
        return Kind.OTHER;
    }

    private boolean startsNewline() {
        char c = text.charAt(position);
        return c == '\n' || c == '\r' && peek(1) == '\n';
    }

    private boolean newlineFollows() {
        char next = peek(1);
        return next == '\n' || next == '\r' && position + 2 < text.length() && text.charAt(position + 2) == '\n';
    }

    private char peek(int ahead) {
        return position + ahead < text.length() ? text.charAt(position + ahead) : '\0';
    }

    /** Moves over {@code chars} characters, counting lines and columns (in code points) as it goes. */
    private void advance(int chars) {
        int end = Math.min(text.length(), position + chars);
        while (position < end) {
            if (nextContinuation < continuations.length) {
                passContinuations();
            }
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) || position == 0 || !Character.isHighSurrogate(text.charAt(position - 1))) {
                column++;
            }
            position++;
        }
    }

    /** Counts the line continuations removed just before the current position. */
    private void passContinuations() {
        while (nextContinuation < continuations.length && continuations[nextContinuation] == position) {
            nextContinuation++;
            line++;
            column = 1;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
