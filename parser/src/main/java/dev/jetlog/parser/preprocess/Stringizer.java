// The '#' operator of a macro body: a string literal spelling an argument as written, whitespace
// between its tokens made one space, with '"' and '\' escaped inside the strings it contains.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.util.List;

final class Stringizer {
    private Stringizer() {
    }

    static PpToken stringize(List<PpToken> argument, PpToken invocation) {
        StringBuilder text = new StringBuilder("\"");
        boolean space = false;
        for (PpToken token : argument) {
            if (token.isBlank() || token.kind() == Kind.NEWLINE) {
                space = text.length() > 1;
                continue;
            }
            if (space) {
                text.append(' ');
                space = false;
            }
            if (token.kind() == Kind.STRING) {
                text.append(token.text().replace("\\", "\\\\").replace("\"", "\\\""));
            } else {
                text.append(token.text());
            }
        }
        return PpToken.madeAt(Kind.STRING, text.append('"').toString(), invocation);
    }
}
