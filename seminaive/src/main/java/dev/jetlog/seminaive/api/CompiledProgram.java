// A program that parsed, passed its checks and was planned; sessions evaluate it. Its parse tree and
// plan stay inside the engine: the public surface says what a caller needs (relations, columns, files
// read and written, warnings, the plan as text).
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.Directive;
import dev.jetlog.parser.ast.DirectiveKind;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.Plan;
import dev.jetlog.seminaive.io.InputLoader;
import dev.jetlog.seminaive.io.OutputWriter;

import java.util.List;

/**
 * A compiled program: immutable, and shared by any number of sessions, also from several threads at once
 * (each session evaluates it independently). Create it with {@link JetLog#compile}; evaluate it in a
 * {@link Session}.
 */
public final class CompiledProgram {
    private final CheckedProgram checked;
    private final Plan plan;
    private final List<Diagnostic> warnings;

    CompiledProgram(CheckedProgram checked, Plan plan, List<Diagnostic> warnings) {
        this.checked = checked;
        this.plan = plan;
        this.warnings = List.copyOf(warnings);
    }

    CheckedProgram checked() {
        return checked;
    }

    Plan plan() {
        return plan;
    }

    /** Warnings (singleton variables, ignored parameters and pragmas), each at its place. */
    public List<Problem> warnings() {
        return warnings.stream().map(ProgramException::problem).toList();
    }

    /** The first warnings rendered with source lines and carets, one after the other; the rest counted. */
    public String renderWarnings() {
        StringBuilder text = new StringBuilder();
        for (Diagnostic warning : warnings.subList(0, Math.min(warnings.size(), DatalogException.RENDERED))) {
            text.append(warning.render(checked.source())).append('\n');
        }
        int rest = warnings.size() - DatalogException.RENDERED;
        if (rest > 0) {
            text.append("... and ").append(rest).append(rest == 1 ? " more warning" : " more warnings").append('\n');
        }
        return text.toString();
    }

    /**
     * The relations the program declares, in declaration order; not the hidden ones JetLog adds (their names
     * hold an '@', which no program can write).
     */
    public List<String> relationNames() {
        return checked.program().declarations().stream().map(RelationDecl::name).filter(name -> !isHidden(name))
                .toList();
    }

    private static boolean isHidden(String relation) {
        return relation.indexOf('@') >= 0;
    }

    /** The column names of a declared relation. @throws IllegalArgumentException if it is not declared */
    public List<String> columnNames(String relation) {
        return relation(relation).attributes().stream().map(attribute -> attribute.name()).toList();
    }

    /** The relations the program writes (`.output`), in directive order. */
    public List<String> outputRelations() {
        return checked.program().directives().stream().filter(d -> d.kind() == DirectiveKind.OUTPUT)
                .map(Directive::relation).distinct().toList();
    }

    /** True if some `.input` reads a facts file (so a run from the command line needs a facts directory). */
    public boolean readsInputFiles() {
        return InputLoader.readsFiles(checked.program());
    }

    /** True if some `.output` writes a file rather than standard output. */
    public boolean writesOutputFiles() {
        return OutputWriter.writesFiles(checked.program());
    }

    /** The declaration of a relation. @throws IllegalArgumentException if it is not declared */
    RelationDecl relation(String name) {
        RelationDecl decl = isHidden(name) ? null : checked.program().relation(name);
        if (decl == null) {
            throw new IllegalArgumentException("relation '" + name + "' is not declared");
        }
        return decl;
    }

    /** A readable listing of strata, rule versions, join orders and indexes. */
    public String explain() {
        return plan.explain();
    }

    /**
     * Checks before any work that an output directory exists or can be created, and is writable.
     * @throws JetLogException naming the directory and the reason
     */
    public static void checkOutputDirectory(java.nio.file.Path outputDir) {
        try {
            OutputWriter.checkOutputDirectory(outputDir);
        } catch (dev.jetlog.seminaive.io.DataException e) {
            throw new JetLogException(e.getMessage(), e);
        }
    }

    /** A session on the backend the options choose. @throws JetLogException if that backend cannot run here */
    public Session newSession(EngineOptions options) {
        return new Session(this, options);
    }

    /** A session with {@link EngineOptions#defaults()}. */
    public Session newSession() {
        return newSession(EngineOptions.defaults());
    }
}
