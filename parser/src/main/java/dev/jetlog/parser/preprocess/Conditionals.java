// The open #if groups of one file: whether the current line is kept, and the checks of #elif, #else
// and #endif (each needs an open #if; nothing may follow #else but #endif).
package dev.jetlog.parser.preprocess;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

final class Conditionals {
    private static final class Group {
        final PpToken opening;
        final boolean enclosingActive;
        boolean taken;
        boolean active;
        boolean sawElse;

        Group(PpToken opening, boolean enclosingActive) {
            this.opening = opening;
            this.enclosingActive = enclosingActive;
        }
    }

    private final Deque<Group> open = new ArrayDeque<>();

    /** True when lines here are kept (every enclosing group is taken). */
    boolean active() {
        return open.isEmpty() || open.peek().active;
    }

    /**
     * Opens a group at #if, #ifdef or #ifndef; the condition is evaluated only when the enclosing lines
     * are kept (an error in it leaves the group not taken).
     */
    void openIf(PpToken directive, BooleanSupplier condition) {
        Group group = new Group(directive, active());
        open.push(group);
        group.active = group.enclosingActive && condition.getAsBoolean();
        group.taken = group.active;
    }

    /** #elif: the condition is evaluated only when no earlier branch of the group was taken. */
    void elif(PpToken directive, BooleanSupplier condition) {
        Group group = current(directive);
        if (group.sawElse) {
            throw PreprocessorError.at(directive, "#elif after #else");
        }
        group.active = false;
        if (group.enclosingActive && !group.taken) {
            group.active = condition.getAsBoolean();
            group.taken = group.active;
        }
    }

    void otherwise(PpToken directive) {
        Group group = current(directive);
        if (group.sawElse) {
            throw PreprocessorError.at(directive, "#else after #else");
        }
        group.sawElse = true;
        group.active = group.enclosingActive && !group.taken;
        group.taken = true;
    }

    void end(PpToken directive) {
        current(directive);
        open.pop();
    }

    /** The directive of the outermost group still open (for the error at the end of the file), or null. */
    PpToken unterminated() {
        return open.isEmpty() ? null : open.peekLast().opening;
    }

    private Group current(PpToken directive) {
        if (open.isEmpty()) {
            throw PreprocessorError.at(directive, "#" + directive.text() + " without #if");
        }
        return open.peek();
    }
}
