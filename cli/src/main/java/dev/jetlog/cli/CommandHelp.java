// The help and version text of `jetlog`, rendered by picocli from the command's table of options (a
// programmatic model, built only when --help or --version asks for it).
package dev.jetlog.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintStream;
import java.util.List;

final class CommandHelp {
    private CommandHelp() {
    }

    /** Picocli's model of the command: the same options, names, labels and help texts as the parser's. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(JetLogCommand.NAME).versionProvider(new VersionProvider());
        spec.usageMessage().description(JetLogCommand.DESCRIPTION).sortOptions(false).autoWidth(true);
        CommandOption program = JetLogCommand.PROGRAM;
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel(program.label()).type(String.class)
                .description(program.description()).build());
        for (CommandOption option : JetLogCommand.OPTIONS) {
            OptionSpec.Builder builder = OptionSpec.builder(option.names().toArray(String[]::new)).description(option.description());
            if (option.isFlag()) {
                builder.type(boolean.class);
            } else if (option.repeatable()) {
                builder.paramLabel(option.label()).type(List.class).auxiliaryTypes(String.class);
            } else {
                builder.paramLabel(option.label()).type(String.class);
            }
            spec.addOption(builder.build());
        }
        // after the command's own options, as picocli lists a mixin's
        return spec.mixinStandardHelpOptions(true);
    }

    static void printUsage(PrintStream out) {
        new CommandLine(spec()).usage(out);
    }

    static void printVersion(PrintStream out) {
        new CommandLine(spec()).printVersionHelp(out);
    }
}
