// Resolves each variable occurrence of a rule to its scope: the rule itself, or the aggregate it is local to.
// A variable of an aggregate (body or target) that also occurs in the enclosing scope outside that aggregate
// belongs to the enclosing scope (it correlates the aggregate with the rule); otherwise it is local.
package dev.jetlog.parser;

import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
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
        List<Term> terms = new ArrayList<>(rule.head().args());
        for (Literal literal : rule.body()) {
            terms.addAll(AstWalk.terms(literal));
        }
        scopes.resolve(scopes.root, terms, Map.of());
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

    private void resolve(Scope scope, List<Term> terms, Map<String, ScopedVar> visible) {
        List<Variable> direct = new ArrayList<>();
        List<Aggregate> children = new ArrayList<>();
        for (Term term : terms) {
            collect(term, direct, children);
        }
        Map<String, Integer> childrenUsing = new HashMap<>();
        for (Aggregate child : children) {
            Set<String> names = new HashSet<>();
            AstWalk.forEachVariable(child, v -> names.add(v.name()));
            for (String name : names) {
                childrenUsing.merge(name, 1, Integer::sum);
            }
        }
        Map<String, ScopedVar> environment = new HashMap<>(visible);
        for (Variable occurrence : direct) {
            own(environment, occurrence.name(), scope);
        }
        childrenUsing.forEach((name, count) -> {
            if (count > 1) {
                own(environment, name, scope);
            }
        });
        for (Variable occurrence : direct) {
            ScopedVar variable = environment.get(occurrence.name());
            variable.occurrences.add(occurrence);
            resolved.put(occurrence, variable);
        }
        for (Aggregate child : children) {
            Scope childScope = new Scope(scope, child);
            aggregateScopes.put(child, childScope);
            List<Term> childTerms = new ArrayList<>();
            if (child.target() != null) {
                childTerms.add(child.target());
            }
            for (Literal literal : child.body()) {
                childTerms.addAll(AstWalk.terms(literal));
            }
            resolve(childScope, childTerms, environment);
        }
    }

    private void own(Map<String, ScopedVar> environment, String name, Scope scope) {
        if (!environment.containsKey(name)) {
            ScopedVar variable = new ScopedVar(name, scope);
            environment.put(name, variable);
            variables.add(variable);
        }
    }

    /** The variables of a term outside aggregates, and its outermost aggregates. */
    private static void collect(Term term, List<Variable> direct, List<Aggregate> children) {
        if (term instanceof Variable v) {
            direct.add(v);
        } else if (term instanceof BinaryExpr b) {
            collect(b.left(), direct, children);
            collect(b.right(), direct, children);
        } else if (term instanceof NegateExpr n) {
            collect(n.operand(), direct, children);
        } else if (term instanceof Aggregate a) {
            children.add(a);
        }
    }
}
