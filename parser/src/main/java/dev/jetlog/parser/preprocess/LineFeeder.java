// Feeds the kept lines of text through the macro expander into the output, a line at a time, so that
// a long file is never held as tokens. A macro call still open at the end of a line (or a function-like
// macro name whose '(' may be on a later line) waits until the lines that close it have come; it is
// expanded again only once its parentheses may balance, so a long call costs linear time.
package dev.jetlog.parser.preprocess;

import java.util.ArrayList;
import java.util.List;

final class LineFeeder {
    private final MacroExpander expander;
    private final OutputBuilder output;
    /** The unfinished call waiting for more lines, from the macro name on. */
    private final List<PpToken> waiting = new ArrayList<>();
    /** '(' minus ')' in {@link #waiting}, and whether it has a '(' at all. */
    private int depth;
    private boolean opened;

    LineFeeder(MacroExpander expander, OutputBuilder output) {
        this.expander = expander;
        this.output = output;
    }

    void addLine(List<PpToken> line) {
        boolean wasWaiting = !waiting.isEmpty();
        waiting.addAll(line);
        if (wasWaiting) {
            count(line);
            if (opened && depth > 0) {
                return;
            }
        }
        expand(true);
    }

    /** Expands what waits: a directive or the end of the file comes next. */
    void finish() {
        if (!waiting.isEmpty()) {
            expand(false);
        }
    }

    private void expand(boolean moreFollows) {
        MacroExpander.Expansion expansion = expander.expand(new ArrayList<>(waiting), moreFollows);
        for (PpToken token : expansion.tokens()) {
            output.emit(token);
        }
        waiting.clear();
        waiting.addAll(expansion.unfinished());
        depth = 0;
        opened = false;
        count(waiting);
    }

    private void count(List<PpToken> tokens) {
        for (PpToken token : tokens) {
            if (token.isPunctuator("(")) {
                depth++;
                opened = true;
            } else if (token.isPunctuator(")")) {
                depth--;
            }
        }
    }
}
