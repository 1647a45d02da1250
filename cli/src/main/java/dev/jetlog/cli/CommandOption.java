// One option (or the positional parameter) of the `jetlog` command: its names, the label of its value
// (none for a flag), whether it may repeat, its help text, and how its value is stored.
package dev.jetlog.cli;

import java.util.List;
import java.util.function.BiConsumer;

record CommandOption(List<String> names, String label, boolean repeatable, String description,
                     BiConsumer<JetLogCommand, String> store) {
    CommandOption {
        names = List.copyOf(names);
    }

    /** An option that takes a value. */
    static CommandOption valued(List<String> names, String label, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, label, false, description, store);
    }

    /** An option that takes a value each time it is given, any number of times. */
    static CommandOption repeated(List<String> names, String label, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, label, true, description, store);
    }

    /** A flag: stored as "true", or as the value it was given (--stats=false). */
    static CommandOption flag(List<String> names, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, null, false, description, store);
    }

    boolean isFlag() {
        return label == null;
    }

    /** The last name (the long one where there are two), by which messages name the option. */
    String longName() {
        return names.get(names.size() - 1);
    }

    /** How picocli names the option in its messages: "'--fact-dir' (DIR)", or "'--stats'" for a flag. */
    String described() {
        return "'" + longName() + "'" + (isFlag() ? "" : " (" + label + ")");
    }
}
