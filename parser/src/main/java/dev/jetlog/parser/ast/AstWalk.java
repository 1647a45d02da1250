// Traversals of rule nodes shared by the checkers and the planner: the terms of a literal, every
// nested literal, every variable, and the aggregates of a term.
package dev.jetlog.parser.ast;


import java.util.List;
import java.util.function.Consumer;

public final class AstWalk {
    private AstWalk() {
    }

    /** The direct terms of a literal: atom arguments, or both sides of a comparison. */
    public static List<Term> terms(Literal literal) {
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
    public static void forEachLiteral(Rule rule, Consumer<Literal> action) {
        forEachLiteral(rule.head(), action);
        for (Literal literal : rule.body()) {
            forEachLiteral(literal, action);
        }
    }

    /** The literal itself, then the literals of the aggregates inside its terms. */
    public static void forEachLiteral(Literal literal, Consumer<Literal> action) {
        action.accept(literal);
        for (Term term : terms(literal)) {
            forEachNestedLiteral(term, action);
        }
    }

    private static void forEachNestedLiteral(Term term, Consumer<Literal> action) {
        if (term instanceof BinaryExpr b) {
            forEachNestedLiteral(b.left(), action);
            forEachNestedLiteral(b.right(), action);
        } else if (term instanceof UnaryExpr n) {
            forEachNestedLiteral(n.operand(), action);
        } else if (term instanceof FunctorCall f) {
            f.args().forEach(arg -> forEachNestedLiteral(arg, action));
        } else if (term instanceof RecordTerm r) {
            r.args().forEach(arg -> forEachNestedLiteral(arg, action));
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
    public static void forEachVariable(Term term, Consumer<Variable> action) {
        forEachVariable(term, null, action);
    }

    /** Every variable occurrence inside a term, except inside the aggregate `skip` (by identity). */
    public static void forEachVariable(Term term, Aggregate skip, Consumer<Variable> action) {
        if (term == skip) {
            return;
        }
        if (term instanceof Variable v) {
            action.accept(v);
        } else if (term instanceof BinaryExpr b) {
            forEachVariable(b.left(), skip, action);
            forEachVariable(b.right(), skip, action);
        } else if (term instanceof UnaryExpr n) {
            forEachVariable(n.operand(), skip, action);
        } else if (term instanceof FunctorCall f) {
            f.args().forEach(arg -> forEachVariable(arg, skip, action));
        } else if (term instanceof RecordTerm r) {
            r.args().forEach(arg -> forEachVariable(arg, skip, action));
        } else if (term instanceof Aggregate a) {
            if (a.target() != null) {
                forEachVariable(a.target(), skip, action);
            }
            for (Literal literal : a.body()) {
                for (Term nested : terms(literal)) {
                    forEachVariable(nested, skip, action);
                }
            }
        }
    }

    /** The aggregates of a term that are not inside another aggregate, left to right. */
    public static void forEachOutermostAggregate(Term term, Consumer<Aggregate> action) {
        if (term instanceof Aggregate a) {
            action.accept(a);
        } else if (term instanceof BinaryExpr b) {
            forEachOutermostAggregate(b.left(), action);
            forEachOutermostAggregate(b.right(), action);
        } else if (term instanceof UnaryExpr n) {
            forEachOutermostAggregate(n.operand(), action);
        } else if (term instanceof FunctorCall f) {
            f.args().forEach(arg -> forEachOutermostAggregate(arg, action));
        }
    }
}
