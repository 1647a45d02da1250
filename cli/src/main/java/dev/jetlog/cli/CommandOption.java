// One option (or the positional parameter) of the `jetlog` command: its names, the label of its value
// (none for a flag), whether it may repeat, its help text, and how its value is stored.
package dev.jetlog.cli;

import java.util.function.BiConsumer;

record CommandOption(String[] names, String label, boolean repeatable, String description,
                     BiConsumer<JetLogCommand, String> store) {
    /** An option that takes a value. */
    static CommandOption valued(String[] names, String label, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, label, false, description, store);
    }

    /** An option that takes a value each time it is given, any number of times. */
    static CommandOption repeated(String[] names, String label, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, label, true, description, store);
    }

    /** A flag: stored as "true", or as the value it was given (--stats=false). */
    static CommandOption flag(String[] names, String description, BiConsumer<JetLogCommand, String> store) {
        return new CommandOption(names, null, false, description, store);
    }

    boolean isFlag() {
        return label == null;
    }

    /** The longest name, by which messages name the option. */
    String longName() {
        return names[names.length - 1];
    }

    /** How picocli names the option in its messages: "'--fact-dir' (DIR)", or "'--stats'" for a flag. */
    String described() {
        return "'" + longName() + "'" + (isFlag() ? "" : " (" + label + ")");
    }
}
