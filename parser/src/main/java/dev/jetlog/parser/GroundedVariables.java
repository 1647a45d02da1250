// The variables a rule body binds by itself: the direct variable arguments of the positive atoms that bind
// (all of them, or all but inline ones), then every `v = expr` whose expression counts as grounded, to a
// fixpoint. The checkers differ only in those two choices, which the callers pass.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

final class GroundedVariables {
    private GroundedVariables() {
    }

    /**
     * @param binds    which positive atoms bind their variable arguments
     * @param grounded whether an expression is grounded, given the names grounded so far
     */
    static Set<String> of(List<Literal> body, Predicate<Atom> binds, BiPredicate<Term, Set<String>> grounded) {
        Set<String> names = new HashSet<>();
        for (Literal literal : body) {
            if (literal instanceof Atom atom && binds.test(atom)) {
                for (Term arg : atom.args()) {
                    if (arg instanceof Variable v) {
                        names.add(v.name());
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Literal literal : body) {
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                    changed |= bind(c.left(), c.right(), grounded, names) | bind(c.right(), c.left(), grounded, names);
                }
            }
        }
        return names;
    }

    private static boolean bind(Term target, Term source, BiPredicate<Term, Set<String>> grounded, Set<String> names) {
        return target instanceof Variable v && !names.contains(v.name()) && grounded.test(source, names)
                && names.add(v.name());
    }
}
