// Places `range(from, to[, step])`, which generates values: as one side of an equality with a variable in a
// rule body or an aggregate's body (`x = range(1, 5)`: x takes each value, or, when bound elsewhere, is tested
// against them), or as a head argument (`r(range(1, 5))`), which becomes a fresh variable equal to the range.
// Anywhere else (inside an expression, a negation) it is an error at its position.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.List;

final class RangeGenerators {
    private static final String MISPLACED = "range(...) generates values: use it as 'x = range(from, to)' in a rule"
            + " body or as a head argument";

    private RangeGenerators() {
    }

    /** The program with head ranges moved into the body; misplaced ranges are added to errors. */
    static Program place(Program program, List<Diagnostic> errors) {
        List<Rule> rules = new ArrayList<>();
        boolean changed = false;
        for (Rule rule : program.rules()) {
            Rule placed = place(rule, errors);
            changed |= placed != rule;
            rules.add(placed);
        }
        return changed ? new Program(program.declarations(), program.functors(), program.directives(), rules) : program;
    }

    private static Rule place(Rule rule, List<Diagnostic> errors) {
        List<Literal> body = new ArrayList<>();
        for (Literal literal : rule.body()) {
            checkBodyLiteral(literal, errors);
            body.add(literal);
        }
        Atom head = rule.head();
        List<Term> args = new ArrayList<>();
        int fresh = 0;
        for (Term arg : head.args()) {
            if (arg instanceof FunctorCall call && call.isRange()) {
                call.args().forEach(nested -> reportNested(nested, errors));
                Variable variable = new Variable("range#" + ++fresh, call.pos());
                body.add(new Comparison(CompareOp.EQ, variable, call, call.pos()));
                args.add(variable);
            } else {
                reportNested(arg, errors);
                args.add(arg);
            }
        }
        if (fresh == 0) {
            return rule;
        }
        return new Rule(new Atom(head.relation(), args, head.pos()), body, rule.pos());
    }

    /** Reports the misplaced ranges of a body literal: any but the generator side of `x = range(...)`. */
    private static void checkBodyLiteral(Literal literal, List<Diagnostic> errors) {
        if (literal instanceof Comparison c && c.op() == CompareOp.EQ && isRange(c.right())
                && c.left() instanceof Variable) {
            ((FunctorCall) c.right()).args().forEach(arg -> reportNested(arg, errors));
        } else if (literal instanceof Comparison c && c.op() == CompareOp.EQ && isRange(c.left())
                && c.right() instanceof Variable) {
            ((FunctorCall) c.left()).args().forEach(arg -> reportNested(arg, errors));
        } else {
            AstWalk.terms(literal).forEach(t -> reportNested(t, errors));
        }
    }

    private static boolean isRange(Term term) {
        return term instanceof FunctorCall call && call.isRange();
    }

    /** Reports every range inside a term (a term that is not itself a placed range). */
    private static void reportNested(Term term, List<Diagnostic> errors) {
        if (isRange(term)) {
            errors.add(Diagnostic.error(term.pos(), MISPLACED));
        }
        if (term instanceof FunctorCall call) {
            call.args().forEach(arg -> reportNested(arg, errors));
        } else if (term instanceof BinaryExpr b) {
            reportNested(b.left(), errors);
            reportNested(b.right(), errors);
        } else if (term instanceof UnaryExpr u) {
            reportNested(u.operand(), errors);
        } else if (term instanceof Aggregate a) {
            if (a.target() != null) {
                reportNested(a.target(), errors);
            }
            a.body().forEach(literal -> checkBodyLiteral(literal, errors));
        }
    }
}
