// The `jetlog` command, with Soufflé's conventions: PROGRAM.dl, -F facts directory, -D output
// directory (or - for stdout), -j threads, -I include directories and -M macros for the preprocessor;
// plus --backend, --stats, --explain and --timeout.
package dev.jetlog.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "jetlog", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Evaluates a Soufflé-dialect Datalog program.",
                "The program first goes through the C preprocessor, as in Soufflé (#include, #define, #if...). "
                        + "Relations marked .input are read from the facts directory, those marked .output are "
                        + "written to the output directory, and the sizes of those marked .printsize are printed."})
final class JetLogCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM.dl", description = "the Datalog program")
    Path program;

    @Option(names = {"-F", "--fact-dir"}, paramLabel = "DIR", description = "directory of the input facts (default: .)")
    Path factDir = Path.of(".");

    @Option(names = {"-D", "--output-dir"}, paramLabel = "DIR", description = "directory for output relations, or - for stdout (default: .)")
    String outputDir = ".";

    @Option(names = {"-I", "--include-dir"}, paramLabel = "DIR", description = "directory searched by #include "
            + "(repeatable, searched in order; #include \"FILE\" looks beside the including file first)")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = {"-M", "--macro"}, paramLabel = "NAME=VALUE", description = "define a macro for the preprocessor "
            + "(repeatable; NAME alone means NAME=1; one argument may hold several, separated by spaces: -M \"A=1 B\")")
    List<String> macros = new ArrayList<>();

    @Option(names = {"-m", "--magic-transform"}, paramLabel = "RELATIONS", description = "apply the magic-set "
            + "transformation to these relations (comma-separated; * for all), as the magic-transform pragma does")
    String magicTransform;

    @Option(names = "--magic-transform-exclude", paramLabel = "RELATIONS", description = "keep these relations "
            + "(comma-separated) out of the magic-set transformation")
    String magicTransformExclude;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "worker threads, or auto for one per processor (default: auto)")
    String jobs = "auto";

    @Option(names = "--backend", paramLabel = "NAME", description = "cuda, opencl, cpu, or auto: CUDA when a device answers, else an OpenCL GPU, else the CPU (default: auto)")
    String backend = "auto";

    @Option(names = "--stats", description = "print iterations, tuples and time per stratum to stderr")
    boolean stats;

    @Option(names = "--explain", description = "print the evaluation plan to stderr before running")
    boolean explain;

    @Option(names = {"-w", "--no-warn"}, description = "do not print warnings, nor the note saying which backend auto chose")
    boolean noWarnings;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "memory for relations, indexes and candidates "
            + "(e.g. 512m, 4g; default: 60%% of the JVM's maximum heap, or 90%% of a GPU's memory); "
            + "a run that would exceed it stops early, naming the relations")
    String memoryLimit;

    @Option(names = "--timeout", paramLabel = "TIME", description = "stop after this long (seconds, or with a unit: 90s, 5m, 2h); "
            + "exit status 124, no output written")
    String timeout;
}
