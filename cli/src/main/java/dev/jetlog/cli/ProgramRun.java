// One run of the command: compile the program, check the directories before any work, load the
// inputs, evaluate, then write outputs and sizes. Outputs are written only after a successful
// evaluation, each file atomically, so a failed run leaves earlier results untouched.
package dev.jetlog.cli;

import dev.jetlog.parser.preprocess.PreprocessorOptions;
import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.EvaluationCancelledException;
import dev.jetlog.seminaive.api.IncludeOptions;
import dev.jetlog.seminaive.api.MagicTransform;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.eval.EvaluationOptions;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.Sizes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

final class ProgramRun {
    private final JetLogCommand command;
    private final PrintStream out;
    private final PrintStream err;

    ProgramRun(JetLogCommand command, PrintStream out, PrintStream err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** What the run was doing last: for the message when a signal or the time limit stops it. */
    private volatile String phase = "starting";
    private volatile boolean wroteOutputs;
    private final PhaseTimes times = new PhaseTimes();

    String phase() {
        return phase;
    }

    boolean wroteOutputs() {
        return wroteOutputs;
    }

    void execute() {
        int threads = threads(command.jobs);
        if (command.backend.isBlank()) {
            throw new UsageError("--backend needs a name: auto, cuda, opencl or cpu");
        }
        IncludeOptions preprocessing = preprocessorOptions(command);
        phase = "compiling " + command.program;
        MagicTransform magic = magicTransform(command);
        times.start("compile");
        CompiledProgram program = compile(command.program, preprocessing, magic);
        times.end();
        if (!command.noWarnings && !program.warnings().isEmpty()) {
            err.print(program.renderWarnings());
        }
        if (!command.noWarnings) {
            warnUndeclared(program, magic.relations(), "--magic-transform");
            warnUndeclared(program, magic.excluded(), "--magic-transform-exclude");
        }
        if (command.explain) {
            err.print(program.explain());
        }
        boolean toStdout = "-".equals(command.outputDir);
        Path outputDir = toStdout ? null : Path.of(command.outputDir);
        if (program.readsInputFiles() && !Files.isDirectory(command.factDir)) {
            throw new JetLogException("facts directory " + command.factDir
                    + (Files.exists(command.factDir) ? " is not a directory" : " does not exist"));
        }
        if (!toStdout && program.writesOutputFiles()) {
            CompiledProgram.checkOutputDirectory(outputDir);
        }
        // --stats splits each stratum's time by operation, which times every backend call
        EngineOptions options = EngineOptions.defaults().withBackend(command.backend).withThreads(threads)
                .withMemoryLimit(memoryLimit(command.memoryLimit))
                .withEvaluation(EvaluationOptions.DEFAULT.withOperationTimes(command.stats));
        try (Session session = program.newSession(options)) {
            if ("auto".equals(command.backend) && !command.noWarnings) {
                err.println("jetlog: " + session.backendChoice());
            }
            phase = "reading the facts";
            times.start("read facts");
            session.loadInputs(command.factDir);
            phase = "evaluating";
            times.start("evaluate");
            EvaluationStats stats;
            try {
                stats = session.run();
                if (session.fallback() != null) {
                    err.println("jetlog: " + session.fallback());
                }
            } catch (EvaluationCancelledException e) {
                phase = "evaluating (" + e.getMessage().replaceFirst("^evaluation cancelled ", "") + ")";
                printStats(session, session.stats());
                throw e;
            }
            phase = "writing the outputs";
            times.start("write outputs");
            PrintStream results = new PrintStream(new BufferedOutputStream(out, 1 << 16), false, StandardCharsets.UTF_8);
            if (toStdout) {
                session.printOutputs(results);
            } else {
                session.writeOutputs(outputDir, results);
            }
            wroteOutputs = true;
            session.printSizes(results);
            results.flush();
            printStats(session, stats);
        }
    }

    private void printStats(Session session, EvaluationStats stats) {
        if (command.stats && stats != null) {
            err.println("backend: " + session.backendDescription());
            err.print(stats.format());
            err.println(times.format());
        }
    }

    /** The -I directories (each must be a directory) and the -M macros. */
    static IncludeOptions preprocessorOptions(JetLogCommand command) {
        for (Path dir : command.includeDirs) {
            if (!Files.isDirectory(dir)) {
                throw new UsageError("include directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
            }
        }
        Map<String, String> macros = new LinkedHashMap<>();
        try {
            for (String definitions : command.macros) {
                macros.putAll(PreprocessorOptions.parseDefinitions(definitions));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError("-M: " + e.getMessage());
        }
        return new IncludeOptions(command.includeDirs, macros);
    }

    /** The relations of --magic-transform and --magic-transform-exclude (comma-separated lists; "*" for all). */
    static MagicTransform magicTransform(JetLogCommand command) {
        return new MagicTransform(names(command.magicTransform, "--magic-transform"),
                names(command.magicTransformExclude, "--magic-transform-exclude"));
    }

    private static Set<String> names(String list, String option) {
        Set<String> names = new LinkedHashSet<>();
        if (list == null) {
            return names;
        }
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw new UsageError(option + " takes relation names separated by commas, found '" + list + "'");
            }
            names.add(trimmed);
        }
        return names;
    }

    private void warnUndeclared(CompiledProgram program, Set<String> names, String option) {
        Set<String> declared = Set.copyOf(program.relationNames());
        for (String name : names) {
            if (!name.equals("*") && !declared.contains(name)) {
                err.println("jetlog: warning: " + option + " names '" + name + "', which the program does not declare");
            }
        }
    }

    private static CompiledProgram compile(Path file, IncludeOptions preprocessing, MagicTransform magic) {
        if (Files.isDirectory(file)) {
            throw new JetLogException("cannot read program " + file + ": it is a directory");
        }
        try {
            return JetLog.compileFile(file, preprocessing, magic);
        } catch (NoSuchFileException e) {
            throw new JetLogException("cannot read program " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new JetLogException("cannot read program " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new JetLogException("cannot read program " + file + ": " + e.getMessage());
        }
    }

    static long memoryLimit(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("invalid value for --memory-limit: " + e.getMessage());
        }
    }

    static int threads(String jobs) {
        if ("auto".equals(jobs)) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(jobs);
            if (threads >= 1 && threads <= 4096) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("invalid value for -j: '" + jobs + "' (expected a thread count from 1 to 4096, or auto)");
    }
}
