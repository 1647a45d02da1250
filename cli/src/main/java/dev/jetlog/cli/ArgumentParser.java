// Parses the command line into a JetLogCommand by its table of options, with picocli's syntax (-F DIR,
// -FDIR, -F=DIR, --fact-dir DIR, --fact-dir=DIR, clustered short flags such as -wj2, --stats=false, -- to
// end the options) and messages, but without building picocli's command model: building it took about
// 65 ms, a quarter of the runner's start on a small program. Picocli renders the help and the version
// (CommandHelp), and a test holds this parser to picocli's results on a corpus of command lines. Unlike
// picocli it does not expand @file arguments (Soufflé's command line has none).
package dev.jetlog.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class ArgumentParser {
    /** What the command line asked besides setting options. */
    record Requests(boolean help, boolean version) {
    }

    private static final CommandOption HELP = CommandOption.flag(List.of("-h", "--help"), "", (c, v) -> { });
    private static final CommandOption VERSION = CommandOption.flag(List.of("-V", "--version"), "", (c, v) -> { });

    private final Map<String, CommandOption> options = new HashMap<>();
    private final CommandOption positional;

    ArgumentParser(List<CommandOption> declared, CommandOption positional) {
        for (CommandOption option : declared) {
            for (String name : option.names()) {
                options.put(name, option);
            }
        }
        for (CommandOption standard : List.of(HELP, VERSION)) {
            for (String name : standard.names()) {
                options.put(name, standard);
            }
        }
        this.positional = positional;
    }

    /** The parser of the `jetlog` command. */
    static ArgumentParser forJetLog() {
        return new ArgumentParser(JetLogCommand.OPTIONS, JetLogCommand.PROGRAM);
    }

    /** Stores the options in the command; throws UsageError with picocli's message on bad input. */
    Requests parse(JetLogCommand command, String[] args) {
        // the options are singletons: identity suffices, and a record's generated hashCode costs a bootstrap at startup
        Set<CommandOption> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> positionals = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        boolean optionsEnded = false;
        String unknown = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !looksLikeOption(arg)) {
                positionals.add(arg);
                positions.add(i);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            // one argument may hold several options: a cluster of short flags, ending with one that takes a value
            String rest = arg;
            while (rest != null) {
                Match match = match(rest);
                if (match == null) {
                    // as in picocli, an unknown option is an error only where neither help nor the version is asked
                    if (unknown == null) {
                        unknown = rest.equals(arg) ? "Unknown option: '" + arg + "'"
                                : "Unknown option: '" + rest.substring(1) + "' (while processing option: '" + arg + "')";
                    }
                    break;
                }
                CommandOption option = match.option();
                String attached = match.attached();
                // a flag at the head of a cluster passes the rest on as the next short options
                rest = option.isFlag() && attached == null && match.name().length() == 2 && rest.length() > 2
                        ? "-" + rest.substring(2) : null;
                if (option == HELP || option == VERSION) {
                    help |= option == HELP;
                    version |= option == VERSION;
                    continue;
                }
                if (!seen.add(option) && !option.repeatable()) {
                    throw new UsageError("option " + option.described() + " should be specified only once");
                }
                if (option.isFlag()) {
                    // a flag may say its value: --stats=true, --stats=false
                    if (attached != null && !attached.equalsIgnoreCase("true") && !attached.equalsIgnoreCase("false")) {
                        throw new UsageError("Invalid value for option " + option.described() + ": '" + attached
                                + "' is not a boolean");
                    }
                    option.store().accept(command, attached == null ? "true" : attached.toLowerCase());
                    continue;
                }
                String value = attached;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageError("Missing required parameter for option " + option.described());
                    }
                    value = args[++i];
                }
                if (isOption(value)) {
                    throw new UsageError("Expected parameter for option " + option.described()
                            + " but found '" + value + "'");
                }
                option.store().accept(command, value);
            }
        }
        if (help || version) {
            if (!positionals.isEmpty()) {
                positional.store().accept(command, positionals.get(0));
            }
            return new Requests(help, version);
        }
        if (unknown != null) {
            throw new UsageError(unknown);
        }
        if (positionals.isEmpty()) {
            throw new UsageError("Missing required parameter: '" + positional.label() + "'");
        }
        if (positionals.size() > 1) {
            List<String> extra = positionals.subList(1, positionals.size());
            throw new UsageError((extra.size() == 1 ? "Unmatched argument at index " : "Unmatched arguments from index ")
                    + positions.get(1) + ": " + quoted(extra));
        }
        positional.store().accept(command, positionals.get(0));
        return new Requests(false, false);
    }

    /** True for an argument read as an option (or an attempt at one): a dash and more, but not a lone dash. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-';
    }

    /** An option found at the head of an argument: its name as written, and the value attached to it, if any. */
    private record Match(CommandOption option, String name, String attached) {
    }

    /**
     * The option an argument (or the rest of a cluster) starts with: an option's name, a name with =value,
     * or a short name with something attached (-Dout; for a flag, the next short options: -wj2); null if none.
     */
    private Match match(String text) {
        CommandOption option = options.get(text);
        if (option != null) {
            return new Match(option, text, null);
        }
        int equals = text.indexOf('=');
        if (equals > 0 && options.containsKey(text.substring(0, equals))) {
            String name = text.substring(0, equals);
            return new Match(options.get(name), name, text.substring(equals + 1));
        }
        if (!text.startsWith("--") && text.length() > 2 && options.containsKey(text.substring(0, 2))) {
            option = options.get(text.substring(0, 2));
            return new Match(option, text.substring(0, 2), option.isFlag() ? null : text.substring(2));
        }
        return null;
    }

    /** True for an argument that picocli reads as an option, which no option takes as its value (and --). */
    private boolean isOption(String arg) {
        return arg.equals("--") || match(arg) != null;
    }

    private static String quoted(List<String> args) {
        StringBuilder text = new StringBuilder();
        for (String arg : args) {
            text.append(text.isEmpty() ? "" : ", ").append('\'').append(arg).append('\'');
        }
        return text.toString();
    }
}
