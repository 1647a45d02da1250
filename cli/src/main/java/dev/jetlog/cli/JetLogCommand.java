// The `jetlog` command, with Soufflé's conventions: PROGRAM.dl, -F facts directory, -D output
// directory (or - for stdout), -j threads, -I include directories and -M macros for the preprocessor;
// plus --backend, --stats, --explain and --timeout. The table of options is the one source for the
// parser (ArgumentParser) and for the help (CommandHelp); the fields hold what a command line set.
package dev.jetlog.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jetlog.cli.CommandOption.flag;
import static dev.jetlog.cli.CommandOption.repeated;
import static dev.jetlog.cli.CommandOption.valued;

final class JetLogCommand {
    static final String NAME = "jetlog";

    static final String[] DESCRIPTION = {"Evaluates a Soufflé-dialect Datalog program.",
            "The program first goes through the C preprocessor, as in Soufflé (#include, #define, #if...). "
                    + "Relations marked .input are read from the facts directory, those marked .output are "
                    + "written to the output directory, and the sizes of those marked .printsize are printed."};

    static final CommandOption PROGRAM = valued(List.of("PROGRAM.dl"), "PROGRAM.dl", "the Datalog program",
            (command, value) -> command.program = path(value, "positional parameter at index 0 (PROGRAM.dl)"));

    static final List<CommandOption> OPTIONS = List.of(
            valued(List.of("-F", "--fact-dir"), "DIR", "directory of the input facts (default: .)",
                    (command, value) -> command.factDir = path(value, "option '--fact-dir' (DIR)")),
            valued(List.of("-D", "--output-dir"), "DIR", "directory for output relations, or - for stdout (default: .)",
                    (command, value) -> command.outputDir = value),
            repeated(List.of("-I", "--include-dir"), "DIR", "directory searched by #include "
                    + "(repeatable, searched in order; #include \"FILE\" looks beside the including file first)",
                    (command, value) -> command.includeDirs.add(path(value, "option '--include-dir' (DIR)"))),
            repeated(List.of("-M", "--macro"), "NAME=VALUE", "define a macro for the preprocessor "
                    + "(repeatable; NAME alone means NAME=1; one argument may hold several, separated by spaces: -M \"A=1 B\")",
                    (command, value) -> command.macros.add(value)),
            valued(List.of("-m", "--magic-transform"), "RELATIONS", "apply the magic-set "
                    + "transformation to these relations (comma-separated; * for all), as the magic-transform pragma does",
                    (command, value) -> command.magicTransform = value),
            valued(List.of("--magic-transform-exclude"), "RELATIONS", "keep these relations "
                    + "(comma-separated) out of the magic-set transformation",
                    (command, value) -> command.magicTransformExclude = value),
            valued(List.of("-j", "--jobs"), "N", "worker threads, or auto for one per processor (default: auto)",
                    (command, value) -> command.jobs = value),
            valued(List.of("--backend"), "NAME", "cuda, opencl, cpu, or auto: CUDA when a device answers, "
                    + "else an OpenCL GPU, else the CPU (default: auto)",
                    (command, value) -> command.backend = value),
            flag(List.of("--stats"), "print iterations, tuples and time per stratum, and the slowest rules, to stderr",
                    (command, value) -> command.stats = Boolean.parseBoolean(value)),
            flag(List.of("--explain"), "print the evaluation plan to stderr before running",
                    (command, value) -> command.explain = Boolean.parseBoolean(value)),
            flag(List.of("-w", "--no-warn"), "do not print warnings, nor the note saying which backend auto chose",
                    (command, value) -> command.noWarnings = Boolean.parseBoolean(value)),
            // the help passes descriptions through String.format (picocli's rule): %% is a percent sign
            valued(List.of("--memory-limit"), "SIZE", "memory for relations, indexes and candidates "
                    + "(e.g. 512m, 4g; default: 60%% of the JVM's maximum heap, or 90%% of a GPU's memory); "
                    + "a run that would exceed it stops early, naming the relations",
                    (command, value) -> command.memoryLimit = value),
            valued(List.of("--timeout"), "TIME", "stop after this long (seconds, or with a unit: 90s, 5m, 2h); "
                    + "exit status 124, no output written",
                    (command, value) -> command.timeout = value));

    Path program;
    Path factDir = Path.of(".");
    String outputDir = ".";
    List<Path> includeDirs = new ArrayList<>();
    List<String> macros = new ArrayList<>();
    String magicTransform;
    String magicTransformExclude;
    String jobs = "auto";
    String backend = "auto";
    boolean stats;
    boolean explain;
    boolean noWarnings;
    String memoryLimit;
    String timeout;

    private static Path path(String value, String what) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageError("Invalid value for " + what + ": '" + value.replace("\0", "\\0") + "' is not a path ("
                    + e.getReason() + ")");
        }
    }
}
