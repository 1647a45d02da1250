// Entry point of the parser module: source text in, checked program (or every error found) out.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.grammar.DatalogLexer;
import dev.jetlog.parser.preprocess.Preprocessor;
import dev.jetlog.parser.preprocess.PreprocessorOptions;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Parses and checks Soufflé-dialect Datalog programs.
 * Stages: the C preprocessor (directives and macros, as Soufflé runs mcpp), then lexical errors (and brackets nested too deep), then syntax errors, then construction errors
 * (unsupported constructs, bad literals, unknown types, too many disjuncts, expressions nested too deep),
 * then semantic errors; each stage reports all its errors at once and stops the program. Warnings
 * (singleton variables) never stop it.
 */
public final class DatalogParser {
    private DatalogParser() {
    }

    /**
     * Loads the grammar's lexer and parser and builds their state machines (ANTLR deserializes them when
     * the classes initialize, tens of milliseconds in a fresh JVM), which the first parse would otherwise
     * do: a caller with other set-up to do first can have this done on another thread meanwhile.
     */
    public static void prepare() {
        Objects.requireNonNull(DatalogLexer._ATN);
        Objects.requireNonNull(dev.jetlog.parser.grammar.DatalogParser._ATN);
    }

    /**
     * Preprocesses (without include directories or predefined macros), parses and checks a program.
     * @throws DatalogException with every error of the first stage that found any (and the warnings, if any)
     */
    public static CheckedProgram parse(SourceText source) {
        return parse(source, PreprocessorOptions.NONE);
    }

    /**
     * Preprocesses, parses and checks a program. Diagnostics point into the original files; the checked
     * program's source is the preprocessed one, which renders them.
     * @throws DatalogException with every error of the first stage that found any (and the warnings, if any)
     */
    public static CheckedProgram parse(SourceText original, PreprocessorOptions options) {
        SourceText source = Preprocessor.run(original, options);
        Positions positions = new Positions(source);
        DatalogLexer lexer = new DatalogLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        fail(source, LexicalErrors.find(tokens.getTokens(), positions));
        fail(source, NestingLimits.checkTokens(tokens.getTokens(), positions));

        // Fast SLL prediction first; only a program it cannot parse goes through full LL with error recovery.
        dev.jetlog.parser.grammar.DatalogParser parser = new dev.jetlog.parser.grammar.DatalogParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        dev.jetlog.parser.grammar.DatalogParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            SyntaxErrorListener syntaxErrors = new SyntaxErrorListener(positions);
            parser.addErrorListener(syntaxErrors);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrorStrategy());
            tree = parser.program();
            fail(source, syntaxErrors.errors());
        }

        AstBuilder builder = new AstBuilder(positions);
        Program program = builder.build(tree);
        fail(source, builder.errors());
        // reported with the semantic checks' errors below
        List<Diagnostic> soufflesRuleChecks = new ArrayList<>(SubtypeChecker.check(program, builder.columnTypeNames(),
                builder.types()));
        soufflesRuleChecks.addAll(MutualAggregates.check(program));
        // record terms and ranges are placed before inlining, where every atom still gives its columns' types
        fail(source, NestingLimits.checkBodies(program.rules()));
        fail(source, NestingLimits.checkExpressions(program.rules()));
        List<Diagnostic> recordErrors = new ArrayList<>();
        program = RecordDesugarer.desugar(program, builder.types(), recordErrors);
        fail(source, recordErrors);
        List<Diagnostic> rangeErrors = new ArrayList<>();
        program = RangeGenerators.place(program, rangeErrors);
        fail(source, rangeErrors);
        List<Diagnostic> inlining = new ArrayList<>();
        program = InlineRelations.expand(program, builder.inlineRelations(), inlining);
        fail(source, inlining);
        program = EquivalenceRelations.rewrite(program, builder.eqrelRelations());
        fail(source, NestingLimits.checkBodies(program.rules()));
        fail(source, NestingLimits.checkExpressions(program.rules()));

        program = AggregateWitnesses.rewrite(program);
        SemanticChecker checker = new SemanticChecker(program, source.textOrder());
        List<Diagnostic> errors = new ArrayList<>(checker.errors());
        errors.addAll(soufflesRuleChecks);
        errors.sort(java.util.Comparator.comparing(Diagnostic::pos, source.textOrder()));
        List<Diagnostic> warnings = new ArrayList<>(builder.warnings());
        warnings.addAll(checker.warnings());
        if (!errors.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(errors);
            all.addAll(warnings);
            throw new DatalogException(source, all);
        }
        Program scoped = new Program(program.declarations(), program.functors(), program.directives(),
                checker.scopedRules());
        return new CheckedProgram(scoped, program, source, warnings, checker.types(), builder.magicSets());
    }

    /**
     * Parses and checks a program given as text; diagnostics name it {@code name}. Its {@code #include "FILE"}
     * is relative to the working directory.
     */
    public static CheckedProgram parse(String name, String text) {
        return parse(SourceText.of(name, text));
    }

    /** Reads (UTF-8), parses and checks a program file; diagnostics name it by the path as given. */
    public static CheckedProgram parseFile(Path file) throws IOException {
        return parseFile(file, PreprocessorOptions.NONE);
    }

    /** Reads (UTF-8), preprocesses with the options, parses and checks a program file. */
    public static CheckedProgram parseFile(Path file, PreprocessorOptions options) throws IOException {
        return parse(SourceText.read(file), options);
    }

    private static void fail(SourceText source, List<Diagnostic> errors) {
        if (!errors.isEmpty()) {
            List<Diagnostic> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(Diagnostic::pos, source.textOrder()));
            throw new DatalogException(source, sorted);
        }
    }
}
