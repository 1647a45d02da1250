// Finds a rule's first call of a kind of functor, in its head or body, aggregates included: the planner
// refuses autoinc() in recursive rules (every iteration would number the same derivations anew, so there is
// no fixpoint, as in Soufflé), and recomputes a stratum that calls recursive_iteration_cnt() rather than
// continuing it incrementally (its numbers are those of an evaluation from scratch).
package dev.jetlog.planner;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

final class FunctorCalls {
    private FunctorCalls() {
    }

    /** The first call of the rule (head or body) that the predicate accepts, or null. */
    static FunctorCall find(Rule rule, Predicate<FunctorCall> which) {
        List<Term> terms = new ArrayList<>(rule.head().args());
        for (Literal literal : rule.body()) {
            terms.addAll(AstWalk.terms(literal));
        }
        return first(terms, which);
    }

    /** The first call of one literal that the predicate accepts, or null. */
    static FunctorCall find(Literal literal, Predicate<FunctorCall> which) {
        return first(AstWalk.terms(literal), which);
    }

    private static FunctorCall find(Term term, Predicate<FunctorCall> which) {
        if (term instanceof FunctorCall call) {
            if (which.test(call)) {
                return call;
            }
            return first(call.args(), which);
        }
        if (term instanceof BinaryExpr binary) {
            return first(List.of(binary.left(), binary.right()), which);
        }
        if (term instanceof UnaryExpr unary) {
            return find(unary.operand(), which);
        }
        if (term instanceof Aggregate aggregate) {
            List<Term> nested = new ArrayList<>();
            if (aggregate.target() != null) {
                nested.add(aggregate.target());
            }
            aggregate.body().forEach(literal -> nested.addAll(AstWalk.terms(literal)));
            return first(nested, which);
        }
        return null;
    }

    private static FunctorCall first(List<Term> terms, Predicate<FunctorCall> which) {
        for (Term term : terms) {
            FunctorCall found = find(term, which);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
