// Collects the preprocessed text token by token and, for each output line, the segments that lead its
// columns back to where the tokens came from. Where two tokens meet that were not neighbours in the
// source (around a macro expansion) and would read as one token, a space keeps them apart.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.LineMap;
import dev.jetlog.parser.SourceText;
import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.Map;
import java.util.Set;

final class OutputBuilder {
    private final StringBuilder text = new StringBuilder();
    private final LineMap.Builder lines = new LineMap.Builder();
    /** The next output column of the current line, 1-based, in code points. */
    private int column = 1;
    /** The last code point of the current line, or -1 when it is empty. */
    private int lastChar = -1;
    /** Where the last token came from and, for an exact one, the column just after it. */
    private String lastFile;
    private int lastLine;
    private int lastColumn;
    private boolean lastExact;

    void emit(PpToken token) {
        if (token.kind() == Kind.PLACEMARKER || token.text().isEmpty()) {
            return;
        }
        if (lines.currentLineIsEmpty() || !continuesLast(token)) {
            if (token.kind() != Kind.NEWLINE && lastChar >= 0 && wouldJoin(lastChar, token.text().codePointAt(0))) {
                text.append(' ');
                column++;
            }
            lines.add(new LineMap.Segment(column, token.file(), token.line(), token.column(), token.exact()));
        }
        String content = token.text();
        int line = token.line();
        int start = 0;
        for (int newline = content.indexOf('\n'); newline >= 0; newline = content.indexOf('\n', start)) {
            text.append(content, start, newline + 1);
            endLine();
            start = newline + 1;
            line++;
            if (start < content.length()) {
                lines.add(new LineMap.Segment(1, token.file(), line, 1, token.exact()));
            }
        }
        String rest = content.substring(start);
        text.append(rest);
        int restLength = rest.codePointCount(0, rest.length());
        column += restLength;
        if (!rest.isEmpty()) {
            lastChar = rest.codePointBefore(rest.length());
        }
        lastFile = token.file();
        lastExact = token.exact();
        lastLine = token.exact() ? line : token.line();
        lastColumn = token.exact() ? (start == 0 ? token.column() : 1) + restLength : token.column();
    }

    /** Ends the current line, unless it is empty: the text of an included file ends with a line end. */
    void endFile() {
        if (column > 1) {
            emit(new PpToken(Kind.NEWLINE, "\n", lastFile, lastLine, lastColumn, lastExact, Set.of()));
        }
    }

    String text() {
        return text.toString();
    }

    /** The line map of the text so far. */
    LineMap lineMap(Map<String, SourceText> originals) {
        return lines.build(originals);
    }

    private boolean continuesLast(PpToken token) {
        if (token.exact() != lastExact || !token.file().equals(lastFile) || token.line() != lastLine) {
            return false;
        }
        return token.column() == lastColumn;
    }

    private void endLine() {
        lines.endLine();
        column = 1;
        lastChar = -1;
    }

    /** True when two characters side by side would merge two Datalog tokens into one (or into a comment). */
    static boolean wouldJoin(int left, int right) {
        if (isWordChar(left) && isWordChar(right)) {
            return true;
        }
        return switch (left) {
            case ':' -> right == '-';
            case '<' -> right == ':' || right == '=';
            case '>', '!', '=' -> right == '=';
            case '/' -> right == '/' || right == '*';
            case '.' -> Character.isLetterOrDigit(right);
            default -> false;
        };
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '?';
    }
}
