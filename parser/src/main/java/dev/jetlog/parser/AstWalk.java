// Traversals of rule nodes shared by the checkers: the terms of a literal, and every nested literal or variable.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.List;
import java.util.function.Consumer;

final class AstWalk {
    private AstWalk() {
    }

    /** The direct terms of a literal: atom arguments, or both sides of a comparison. */
    static List<Term> terms(Literal literal) {
        if (literal instanceof Atom atom) {
            return atom.args();
        }
        if (literal instanceof Negation negation) {
            return negation.atom().args();
        }
        if (literal instanceof Comparison c) {
            return List.of(c.left(), c.right());
        }
        return List.of();
    }

    /** Every literal of a rule: the head, the body, and the bodies of aggregates at any depth. */
    static void forEachLiteral(Rule rule, Consumer<Literal> action) {
        forEachLiteral(rule.head(), action);
        for (Literal literal : rule.body()) {
            forEachLiteral(literal, action);
        }
    }

    /** The literal itself, then the literals of the aggregates inside its terms. */
    static void forEachLiteral(Literal literal, Consumer<Literal> action) {
        action.accept(literal);
        for (Term term : terms(literal)) {
            forEachNestedLiteral(term, action);
        }
    }

    private static void forEachNestedLiteral(Term term, Consumer<Literal> action) {
        if (term instanceof BinaryExpr b) {
            forEachNestedLiteral(b.left(), action);
            forEachNestedLiteral(b.right(), action);
        } else if (term instanceof NegateExpr n) {
            forEachNestedLiteral(n.operand(), action);
        } else if (term instanceof Aggregate a) {
            if (a.target() != null) {
                forEachNestedLiteral(a.target(), action);
            }
            for (Literal literal : a.body()) {
                forEachLiteral(literal, action);
            }
        }
    }

    /** Every variable occurrence inside a term, including inside aggregates. */
    static void forEachVariable(Term term, Consumer<Variable> action) {
        if (term instanceof Variable v) {
            action.accept(v);
        } else if (term instanceof BinaryExpr b) {
            forEachVariable(b.left(), action);
            forEachVariable(b.right(), action);
        } else if (term instanceof NegateExpr n) {
            forEachVariable(n.operand(), action);
        } else if (term instanceof Aggregate a) {
            if (a.target() != null) {
                forEachVariable(a.target(), action);
            }
            for (Literal literal : a.body()) {
                for (Term nested : terms(literal)) {
                    forEachVariable(nested, action);
                }
            }
        }
    }
}
