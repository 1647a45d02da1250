// The entry point of the Java API: compile a program (preprocess, parse, check, plan) from text or a file.
//
//   CompiledProgram program = JetLog.compileFile(Path.of("tc.dl"));
//   try (Session session = program.newSession(EngineOptions.defaults().withThreads(4))) {
//       session.insert("edge", 1, 2);
//       session.run();
//       for (Tuple t : session.tuples("path")) { ... }
//   }
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.DatalogParser;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.SourceText;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.preprocess.PreprocessorOptions;
import dev.jetlog.planner.Plan;
import dev.jetlog.planner.Planner;
import dev.jetlog.seminaive.io.DirectiveCheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles Datalog programs in Soufflé's dialect: preprocesses, parses, checks and plans them. A program with
 * errors throws {@link ProgramException}, whose problems name file, line and column.
 * The returned {@link CompiledProgram} is immutable and may be shared by sessions on several threads.
 */
public final class JetLog {
    private JetLog() {
    }

    /**
     * Compiles program text; diagnostics name the given source name, and {@code #include "FILE"} is relative
     * to the working directory. @throws ProgramException if it is invalid
     */
    public static CompiledProgram compile(String sourceName, String text) {
        return compile(SourceText.of(sourceName, text), PreprocessorOptions.NONE, MagicTransform.NONE);
    }

    /** Compiles program text with include directories and predefined macros. @throws ProgramException if it is invalid */
    public static CompiledProgram compile(String sourceName, String text, IncludeOptions options) {
        return compile(SourceText.of(sourceName, text), options.toPreprocessor(), MagicTransform.NONE);
    }

    /**
     * Compiles program text with include directories, predefined macros and relations for the magic-set
     * transformation besides those the program names. @throws ProgramException if it is invalid
     */
    public static CompiledProgram compile(String sourceName, String text, IncludeOptions options, MagicTransform magic) {
        return compile(SourceText.of(sourceName, text), options.toPreprocessor(), magic);
    }

    /** Compiles a program file. @throws ProgramException if it is invalid */
    public static CompiledProgram compileFile(Path file) throws IOException {
        return compile(SourceText.read(file), PreprocessorOptions.NONE, MagicTransform.NONE);
    }

    /**
     * Compiles a program file with include directories and predefined macros (Soufflé's -I and -M).
     * @throws ProgramException if it is invalid
     */
    public static CompiledProgram compileFile(Path file, IncludeOptions options) throws IOException {
        return compile(SourceText.read(file), options.toPreprocessor(), MagicTransform.NONE);
    }

    /**
     * Compiles a program file with include directories, predefined macros (Soufflé's -I and -M) and relations
     * for the magic-set transformation (Soufflé's --magic-transform and --magic-transform-exclude).
     * @throws ProgramException if it is invalid
     */
    public static CompiledProgram compileFile(Path file, IncludeOptions options, MagicTransform magic) throws IOException {
        return compile(SourceText.read(file), options.toPreprocessor(), magic);
    }

    /** Stack of the thread that compiles: deep (but limited) nesting must not exhaust the caller's stack. */
    private static final long COMPILER_STACK_BYTES = 512L << 20;

    /**
     * Compiles a program. Parsing, checking and planning run on a thread of their own with a large stack;
     * nesting beyond the parser's limits is an error at file:line:col like any other.
     */
    private static CompiledProgram compile(SourceText source, PreprocessorOptions options, MagicTransform magic) {
        CompiledProgram[] result = new CompiledProgram[1];
        Throwable[] failure = new Throwable[1];
        Thread compiler = new Thread(null, () -> {
            try {
                result[0] = compileHere(source, options, magic);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "jetlog-compiler", COMPILER_STACK_BYTES);
        compiler.start();
        boolean interrupted = false;
        while (true) {
            try {
                compiler.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof StackOverflowError) {
            throw new ProgramException(new DatalogException(source, List.of(Diagnostic.error(
                    new SourcePos(source.name(), 1, 1), "the program is nested too deeply to compile"))));
        }
        if (failure[0] instanceof DatalogException e) {
            throw new ProgramException(e);
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result[0];
    }

    private static CompiledProgram compileHere(SourceText source, PreprocessorOptions options, MagicTransform magic) {
        CheckedProgram checked = DatalogParser.parse(source, options).withMagicSets(magic.toRequest());
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>(checked.warnings());
        DirectiveCheck.check(checked.program(), errors, warnings);
        if (!errors.isEmpty()) {
            throw new DatalogException(checked.source(), errors);
        }
        Plan plan = Planner.plan(checked);
        return new CompiledProgram(checked, plan, warnings);
    }
}
