// Turns one rule into its rule plans: a single pipeline, or in a recursive stratum one semi-naive
// version per body atom of the stratum (that atom read as DELTA, every other atom FULL).
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.NegateExpr;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

final class RuleCompiler {
    private final CheckedProgram program;
    private final ToIntFunction<String> symbols;
    private final Map<String, RelationDecl> relations;

    RuleCompiler(CheckedProgram program, ToIntFunction<String> symbols) {
        this.program = program;
        this.symbols = symbols;
        this.relations = program.program().relations();
    }

    /** The plans of a rule whose body reads none of its own stratum's relations. */
    List<RulePlan> compileOnce(Rule rule) {
        return compile(rule, Set.of());
    }

    /**
     * The semi-naive versions of a rule: one per positive body atom over a relation of the stratum,
     * or a single plan if there is none. A rule whose body holds `false` has no plan.
     */
    List<RulePlan> compile(Rule rule, Set<String> stratumRelations) {
        for (Literal literal : rule.body()) {
            if (literal instanceof BooleanLiteral bool && !bool.value()) {
                return List.of();
            }
        }
        IdentityHashMap<Aggregate, String> aggregateVariables = new IdentityHashMap<>();
        List<Aggregate> found = new ArrayList<>();
        for (Term arg : rule.head().args()) {
            findAggregates(arg, found);
        }
        for (Literal literal : rule.body()) {
            if (literal instanceof Atom atom) {
                atom.args().forEach(arg -> findAggregates(arg, found));
            } else if (literal instanceof Comparison comparison) {
                findAggregates(comparison.left(), found);
                findAggregates(comparison.right(), found);
            } else if (literal instanceof Negation negation) {
                List<Aggregate> inNegation = new ArrayList<>();
                negation.atom().args().forEach(arg -> findAggregates(arg, inNegation));
                if (!inNegation.isEmpty()) {
                    throw new PlanningError(inNegation.get(0).pos(), "aggregates inside a negated atom are not supported");
                }
            }
        }
        for (int i = 0; i < found.size(); i++) {
            aggregateVariables.put(found.get(i), "$aggregate" + i);
        }
        TermTranslator terms = new TermTranslator(program, symbols, aggregateVariables);
        List<AggregateUse> uses = new ArrayList<>();
        for (Aggregate aggregate : found) {
            uses.add(use(rule, aggregate, aggregateVariables.get(aggregate)));
        }

        List<Integer> recursiveAtoms = new ArrayList<>();
        for (int i = 0; i < rule.body().size(); i++) {
            if (rule.body().get(i) instanceof Atom atom && stratumRelations.contains(atom.relation())) {
                recursiveAtoms.add(i);
            }
        }
        List<RulePlan> plans = new ArrayList<>();
        if (recursiveAtoms.isEmpty()) {
            plans.add(plan(rule, terms, -1, uses));
        } else {
            for (int deltaAtom : recursiveAtoms) {
                plans.add(plan(rule, terms, deltaAtom, uses));
            }
        }
        return plans;
    }

    private RulePlan plan(Rule rule, TermTranslator terms, int deltaAtom, List<AggregateUse> uses) {
        PipelineBuilder builder = new PipelineBuilder(rule, terms, relations, deltaAtom, uses);
        return new RulePlan(rule, rule.head().relation(), deltaAtom, builder.build());
    }

    private static void findAggregates(Term term, List<Aggregate> found) {
        if (term instanceof Aggregate aggregate) {
            found.add(aggregate);
        } else if (term instanceof BinaryExpr binary) {
            findAggregates(binary.left(), found);
            findAggregates(binary.right(), found);
        } else if (term instanceof NegateExpr negate) {
            findAggregates(negate.operand(), found);
        }
    }

    /** Checks that the aggregate's body is one atom plus comparisons and finds its correlated variables. */
    private AggregateUse use(Rule rule, Aggregate aggregate, String variable) {
        Atom atom = null;
        List<Comparison> comparisons = new ArrayList<>();
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Atom bodyAtom) {
                if (atom != null) {
                    throw new PlanningError(bodyAtom.pos(),
                            "aggregates over more than one atom are not supported yet; "
                                    + "define a relation for the body and aggregate over it");
                }
                atom = bodyAtom;
            } else if (literal instanceof Comparison comparison) {
                comparisons.add(comparison);
            } else if (literal instanceof Negation negation) {
                throw new PlanningError(negation.pos(), "negation inside an aggregate is not supported yet");
            } else if (literal instanceof BooleanLiteral bool) {
                if (!bool.value()) {
                    throw new PlanningError(bool.pos(), "'false' inside an aggregate is not supported");
                }
            }
        }
        if (atom == null) {
            throw new PlanningError(aggregate.pos(), "an aggregate needs an atom in its body");
        }
        Set<String> inside = new LinkedHashSet<>();
        collectVariables(aggregate, inside, null);
        for (Term nested : nestedTerms(aggregate)) {
            List<Aggregate> deeper = new ArrayList<>();
            findAggregates(nested, deeper);
            if (!deeper.isEmpty()) {
                throw new PlanningError(deeper.get(0).pos(), "nested aggregates are not supported");
            }
        }
        Set<String> outside = new LinkedHashSet<>();
        for (Term arg : rule.head().args()) {
            collectVariables(arg, outside, aggregate);
        }
        for (Literal literal : rule.body()) {
            collectVariables(literal, outside, aggregate);
        }
        inside.retainAll(outside);
        return new AggregateUse(variable, aggregate, atom, comparisons, inside);
    }

    private static List<Term> nestedTerms(Aggregate aggregate) {
        List<Term> nested = new ArrayList<>();
        if (aggregate.target() != null) {
            nested.add(aggregate.target());
        }
        for (Literal literal : aggregate.body()) {
            if (literal instanceof Atom atom) {
                nested.addAll(atom.args());
            } else if (literal instanceof Comparison comparison) {
                nested.add(comparison.left());
                nested.add(comparison.right());
            }
        }
        return nested;
    }

    /** Every variable name under a node, skipping the subtree of `skip` (compared by identity). */
    private static void collectVariables(Object node, Set<String> names, Aggregate skip) {
        if (node == skip) {
            return;
        }
        if (node instanceof Variable variable) {
            names.add(variable.name());
        } else if (node instanceof BinaryExpr binary) {
            collectVariables(binary.left(), names, skip);
            collectVariables(binary.right(), names, skip);
        } else if (node instanceof NegateExpr negate) {
            collectVariables(negate.operand(), names, skip);
        } else if (node instanceof Aggregate aggregate) {
            if (aggregate.target() != null) {
                collectVariables(aggregate.target(), names, skip);
            }
            for (Literal literal : aggregate.body()) {
                collectVariables(literal, names, skip);
            }
        } else if (node instanceof Atom atom) {
            for (Term arg : atom.args()) {
                collectVariables(arg, names, skip);
            }
        } else if (node instanceof Negation negation) {
            collectVariables(negation.atom(), names, skip);
        } else if (node instanceof Comparison comparison) {
            collectVariables(comparison.left(), names, skip);
            collectVariables(comparison.right(), names, skip);
        }
    }
}
