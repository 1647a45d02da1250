// A program that parsed, passed its checks and was planned; sessions evaluate it.
package dev.jetlog.seminaive.api;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.Plan;

import java.util.List;

public final class CompiledProgram {
    private final CheckedProgram checked;
    private final Plan plan;
    private final List<Diagnostic> warnings;

    CompiledProgram(CheckedProgram checked, Plan plan, List<Diagnostic> warnings) {
        this.checked = checked;
        this.plan = plan;
        this.warnings = List.copyOf(warnings);
    }

    public CheckedProgram checked() {
        return checked;
    }

    public Plan plan() {
        return plan;
    }

    /** Warnings (singleton variables, ignored parameters), each renderable with its source line. */
    public List<Diagnostic> warnings() {
        return warnings;
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

    public List<RelationDecl> relations() {
        return checked.program().declarations();
    }

    /** The declaration of a relation. @throws IllegalArgumentException if it is not declared */
    public RelationDecl relation(String name) {
        RelationDecl decl = checked.program().relation(name);
        if (decl == null) {
            throw new IllegalArgumentException("relation '" + name + "' is not declared");
        }
        return decl;
    }

    /** A readable listing of strata, rule versions, join orders and indexes. */
    public String explain() {
        return plan.explain();
    }

    /** A session on the backend the options choose. @throws JetLogException if that backend cannot run here */
    public Session newSession(EngineOptions options) {
        return new Session(this, options);
    }

    public Session newSession() {
        return newSession(EngineOptions.defaults());
    }
}
