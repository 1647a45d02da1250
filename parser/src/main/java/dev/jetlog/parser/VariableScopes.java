// Resolves each variable occurrence of a rule to its scope: the rule itself, or the aggregate it is local to.
// Soufflé's rule: a variable of an aggregate is injected from the enclosing scope (it correlates the aggregate
// with the rule) when that scope grounds it outside the aggregate and it does not occur in the aggregate's
// target expression; a variable the enclosing scope uses without grounding it is shared with that scope
// (a witness); every other variable of the aggregate is local to it, even when the enclosing scope has a
// variable of the same name.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class VariableScopes {
    /** The rule (aggregate == null) or one aggregate. Compared by identity. */
    static final class Scope {
        final Scope parent;
        final Aggregate aggregate;
        /** Variables of the enclosing scope that this aggregate uses but that scope does not ground. */
        final Set<String> witnesses = new HashSet<>();

        Scope(Scope parent, Aggregate aggregate) {
            this.parent = parent;
            this.aggregate = aggregate;
        }

        /** True when this scope is {@code other} or nested inside it. */
        boolean isWithin(Scope other) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s == other) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One variable of one scope, with its occurrences in source order. Compared by identity. */
    static final class ScopedVar {
        final String name;
        final Scope scope;
        final List<Variable> occurrences = new ArrayList<>();

        ScopedVar(String name, Scope scope) {
            this.name = name;
            this.scope = scope;
        }
    }

    private static final Comparator<SourcePos> SOURCE_ORDER =
            Comparator.comparingInt(SourcePos::line).thenComparingInt(SourcePos::column);

    private final Scope root = new Scope(null, null);
    private final IdentityHashMap<Variable, ScopedVar> resolved = new IdentityHashMap<>();
    private final IdentityHashMap<Aggregate, Scope> aggregateScopes = new IdentityHashMap<>();
    private final List<ScopedVar> variables = new ArrayList<>();

    private VariableScopes() {
    }

    static VariableScopes of(Rule rule) {
        VariableScopes scopes = new VariableScopes();
        scopes.resolve(scopes.root, rule.head().args(), rule.body(), Map.of(), Set.of());
        for (ScopedVar variable : scopes.variables) {
            variable.occurrences.sort(Comparator.comparing(Variable::pos, SOURCE_ORDER));
        }
        scopes.variables.sort(Comparator.comparing(v -> v.occurrences.get(0).pos(), SOURCE_ORDER));
        return scopes;
    }

    Scope root() {
        return root;
    }

    ScopedVar of(Variable occurrence) {
        return resolved.get(occurrence);
    }

    Scope scopeOf(Aggregate aggregate) {
        return aggregateScopes.get(aggregate);
    }

    /** Every variable of the rule, of all scopes, in order of first occurrence. */
    List<ScopedVar> variables() {
        return variables;
    }

    /**
     * Resolves one scope: the rule (whose head grounds nothing) or an aggregate (whose target grounds
     * nothing), then its aggregates, each seeing only the variables injected into it or shared with it.
     * @param visible       the enclosing scopes' variables this scope may use
     * @param outerGrounded the names the enclosing scopes ground
     */
    private void resolve(Scope scope, List<Term> nonGrounding, List<Literal> body, Map<String, ScopedVar> visible,
                         Set<String> outerGrounded) {
        List<Term> terms = new ArrayList<>(nonGrounding);
        for (Literal literal : body) {
            terms.addAll(AstWalk.terms(literal));
        }
        List<Variable> direct = new ArrayList<>();
        List<Aggregate> children = new ArrayList<>();
        for (Term term : terms) {
            collect(term, direct, children);
        }
        Map<String, ScopedVar> environment = new HashMap<>(visible);
        Set<String> directNames = new HashSet<>();
        for (Variable occurrence : direct) {
            directNames.add(occurrence.name());
            ScopedVar variable = environment.get(occurrence.name());
            if (variable == null) {
                variable = new ScopedVar(occurrence.name(), scope);
                environment.put(occurrence.name(), variable);
                variables.add(variable);
            }
            variable.occurrences.add(occurrence);
            resolved.put(occurrence, variable);
        }
        for (Aggregate child : children) {
            Scope childScope = new Scope(scope, child);
            aggregateScopes.put(child, childScope);
            Set<String> grounded = new HashSet<>(outerGrounded);
            grounded.addAll(groundedNames(body, child));
            Set<String> targetNames = new HashSet<>();
            if (child.target() != null) {
                AstWalk.forEachVariable(child.target(), v -> targetNames.add(v.name()));
            }
            Set<String> childNames = new HashSet<>();
            AstWalk.forEachVariable(child, v -> childNames.add(v.name()));
            Set<String> resultNames = resultsOf(child, body);
            Map<String, ScopedVar> shared = new HashMap<>();
            for (String name : childNames) {
                ScopedVar outer = environment.get(name);
                if (outer == null) {
                    continue;
                }
                if (grounded.contains(name) && !targetNames.contains(name)) {
                    shared.put(name, outer);
                } else if (!grounded.contains(name) && directNames.contains(name) && !resultNames.contains(name)) {
                    // the variable the aggregate's value goes to is not a witness: inside, the name is the
                    // aggregate's own, as in `y = min x + y : { a(x), b(y) }`
                    shared.put(name, outer);
                    childScope.witnesses.add(name);
                }
            }
            List<Term> childTarget = child.target() == null ? List.of() : List.of(child.target());
            resolve(childScope, childTarget, child.body(), shared, grounded);
        }
    }

    /** The variables of the body that take the aggregate's value: `v = aggregate` or `aggregate = v`. */
    private static Set<String> resultsOf(Aggregate aggregate, List<Literal> body) {
        Set<String> names = new HashSet<>();
        for (Literal literal : body) {
            if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                if (c.right() == aggregate && c.left() instanceof Variable v) {
                    names.add(v.name());
                } else if (c.left() == aggregate && c.right() instanceof Variable v) {
                    names.add(v.name());
                }
            }
        }
        return names;
    }

    /**
     * The names that a scope's body grounds by itself: direct variable arguments of positive atoms, and
     * by equalities whose other side is grounded, to a fixpoint. Every aggregate of the body but
     * {@code excluded} counts as a grounded value; {@code excluded} does not (it is the one asking).
     */
    private static Set<String> groundedNames(List<Literal> body, Aggregate excluded) {
        return GroundedVariables.of(body, atom -> true, (term, grounded) -> isGrounded(term, excluded, grounded));
    }

    private static boolean isGrounded(Term term, Aggregate excluded, Set<String> grounded) {
        if (term instanceof Variable v) {
            return grounded.contains(v.name());
        } else if (term instanceof BinaryExpr b) {
            return isGrounded(b.left(), excluded, grounded) && isGrounded(b.right(), excluded, grounded);
        } else if (term instanceof UnaryExpr n) {
            return isGrounded(n.operand(), excluded, grounded);
        } else if (term instanceof FunctorCall f) {
            return f.args().stream().allMatch(arg -> isGrounded(arg, excluded, grounded));
        } else if (term instanceof Aggregate a) {
            return a != excluded;
        }
        return true;
    }

    /** The variables of a term outside aggregates, and its outermost aggregates. */
    private static void collect(Term term, List<Variable> direct, List<Aggregate> children) {
        if (term instanceof Variable v) {
            direct.add(v);
        } else if (term instanceof BinaryExpr b) {
            collect(b.left(), direct, children);
            collect(b.right(), direct, children);
        } else if (term instanceof UnaryExpr n) {
            collect(n.operand(), direct, children);
        } else if (term instanceof FunctorCall f) {
            f.args().forEach(arg -> collect(arg, direct, children));
        } else if (term instanceof Aggregate a) {
            children.add(a);
        }
    }
}
