// Rewrites a rule body into disjunctive normal form: a list of conjunctions, one rule per conjunction.
// Negation is pushed down to the literals: !atom becomes a Negation, !(x < y) becomes x >= y,
// !(a, b) becomes !a ; !b and !(a ; b) becomes !a, !b.
// The conjunctions share literal nodes with each other; callers copy them (AstCopier) per rule.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.SourcePos;

import java.util.ArrayList;
import java.util.List;

final class DnfExpander {
    private DnfExpander() {
    }

    /** How many disjuncts expand gives, up to limit + 1 (counted without building them). */
    static long count(BodyFormula formula, long limit) {
        return count(formula, false, limit);
    }

    private static long count(BodyFormula formula, boolean negated, long limit) {
        if (formula instanceof BodyFormula.Leaf) {
            return 1;
        }
        if (formula instanceof BodyFormula.Not not) {
            return count(not.operand(), !negated, limit);
        }
        List<BodyFormula> parts = formula instanceof BodyFormula.And and ? and.parts() : ((BodyFormula.Or) formula).parts();
        boolean multiply = formula instanceof BodyFormula.And != negated;
        long total = multiply ? 1 : 0;
        for (BodyFormula part : parts) {
            long n = count(part, negated, limit);
            total = multiply ? Math.min(limit + 1, total * Math.max(1, n)) : Math.min(limit + 1, total + n);
        }
        return total;
    }

    /** The disjuncts of the formula, each a conjunction of literals in source order. */
    static List<List<Literal>> expand(BodyFormula formula) {
        return expand(formula, null);
    }

    /** @param negatedAt the position of the `!` that negates this formula, or null when it is not negated */
    private static List<List<Literal>> expand(BodyFormula formula, SourcePos negatedAt) {
        if (formula instanceof BodyFormula.Leaf leaf) {
            return List.of(List.of(negatedAt == null ? leaf.literal() : negate(leaf.literal(), negatedAt)));
        }
        if (formula instanceof BodyFormula.Not not) {
            return expand(not.operand(), negatedAt == null ? not.pos() : null);
        }
        if (formula instanceof BodyFormula.And and) {
            return negatedAt == null ? product(and.parts(), null) : union(and.parts(), negatedAt);
        }
        BodyFormula.Or or = (BodyFormula.Or) formula;
        return negatedAt == null ? union(or.parts(), null) : product(or.parts(), negatedAt);
    }

    private static List<List<Literal>> union(List<BodyFormula> parts, SourcePos negatedAt) {
        List<List<Literal>> result = new ArrayList<>();
        for (BodyFormula part : parts) {
            result.addAll(expand(part, negatedAt));
        }
        return result;
    }

    private static List<List<Literal>> product(List<BodyFormula> parts, SourcePos negatedAt) {
        List<List<Literal>> result = List.of(List.of());
        for (BodyFormula part : parts) {
            List<List<Literal>> next = new ArrayList<>();
            for (List<Literal> prefix : result) {
                for (List<Literal> suffix : expand(part, negatedAt)) {
                    List<Literal> joined = new ArrayList<>(prefix);
                    joined.addAll(suffix);
                    next.add(joined);
                }
            }
            result = next;
        }
        return result;
    }

    /** The literal that holds exactly when this one does not; a negation made here is placed at `bang`. */
    static Literal negate(Literal literal, SourcePos bang) {
        if (literal instanceof Atom atom) {
            return new Negation(atom, bang);
        }
        if (literal instanceof Negation negation) {
            return negation.atom();
        }
        if (literal instanceof Comparison c) {
            return new Comparison(c.op().inverse(), c.left(), c.right(), c.pos());
        }
        BooleanLiteral b = (BooleanLiteral) literal;
        return new BooleanLiteral(!b.value(), b.pos());
    }
}
