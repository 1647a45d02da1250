// Finds a call of autoinc() in a rule: Soufflé (and JetLog) refuse it in recursive rules, where every
// iteration would number the same derivations anew and the evaluation would never reach a fixpoint.
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

final class AutoIncrement {
    private AutoIncrement() {
    }

    /** The first autoinc() call of the rule (head or body), or null. */
    static FunctorCall find(Rule rule) {
        List<Term> terms = new ArrayList<>(rule.head().args());
        for (Literal literal : rule.body()) {
            terms.addAll(AstWalk.terms(literal));
        }
        for (Term term : terms) {
            FunctorCall found = find(term);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static FunctorCall find(Term term) {
        if (term instanceof FunctorCall call) {
            if (call.isAutoIncrement()) {
                return call;
            }
            return first(call.args());
        }
        if (term instanceof BinaryExpr binary) {
            return first(List.of(binary.left(), binary.right()));
        }
        if (term instanceof UnaryExpr unary) {
            return find(unary.operand());
        }
        if (term instanceof Aggregate aggregate) {
            List<Term> nested = new ArrayList<>();
            if (aggregate.target() != null) {
                nested.add(aggregate.target());
            }
            aggregate.body().forEach(literal -> nested.addAll(AstWalk.terms(literal)));
            return first(nested);
        }
        return null;
    }

    private static FunctorCall first(List<Term> terms) {
        for (Term term : terms) {
            FunctorCall found = find(term);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
