// Turns one rule into its rule plans: a single pipeline, or in a recursive stratum one semi-naive
// version per body atom of the stratum (that atom read as DELTA, the stratum's atoms before it as OLD,
// every other atom FULL).
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BooleanLiteral;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.Term;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

final class RuleCompiler {
    /** The most steps the semi-naive versions of one rule may have together (versions times body literals). */
    static final long MAX_VERSION_STEPS = 20_000;

    private final CheckedProgram program;
    private final ToIntFunction<String> symbols;
    private final Map<String, RelationDecl> relations;

    private final AggregateBodies bodies;

    RuleCompiler(CheckedProgram program, ToIntFunction<String> symbols, Map<String, RelationDecl> relations,
                 AggregateBodies bodies) {
        this.program = program;
        this.symbols = symbols;
        this.relations = relations;
        this.bodies = bodies;
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
        return compileVersions(rule, stratumRelations).regular();
    }

    /**
     * The plans of a rule: its regular versions (as compile gives), and its incremental versions: one per
     * positive body atom over a relation of an earlier stratum, reading that atom's DELTA (the tuples the
     * relation gained since the last run) and every other atom FULL. incremental is null when there would
     * be too many steps; a change below then recomputes the stratum instead.
     */
    record Versions(List<RulePlan> regular, List<RulePlan> incremental) {
    }

    Versions compileVersions(Rule rule, Set<String> stratumRelations) {
        for (Literal literal : rule.body()) {
            if (literal instanceof BooleanLiteral bool && !bool.value()) {
                return new Versions(List.of(), List.of());
            }
        }
        IdentityHashMap<Aggregate, String> aggregateVariables = new IdentityHashMap<>();
        List<Aggregate> found = new ArrayList<>();
        for (Term arg : rule.head().args()) {
            AstWalk.forEachOutermostAggregate(arg, found::add);
        }
        for (Literal literal : rule.body()) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachOutermostAggregate(term, aggregate -> {
                    if (literal instanceof Negation) {
                        throw new PlanningError(aggregate.pos(), "aggregates inside a negated atom are not supported");
                    }
                    found.add(aggregate);
                });
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
        if ((long) recursiveAtoms.size() * rule.body().size() > MAX_VERSION_STEPS) {
            throw new PlanningError(rule.pos(), "this rule reads " + recursiveAtoms.size() + " atoms of its own "
                    + "stratum in a body of " + rule.body().size() + " literals: its semi-naive versions would take "
                    + (long) recursiveAtoms.size() * rule.body().size() + " steps, more than " + MAX_VERSION_STEPS
                    + " (split it through helper relations)");
        }
        List<RulePlan> plans = new ArrayList<>();
        if (recursiveAtoms.isEmpty()) {
            plans.add(plan(rule, terms, -1, Set.of(), uses));
        } else {
            // the recursive atoms before the delta one read OLD: each derivation is made by one version only
            for (int k = 0; k < recursiveAtoms.size(); k++) {
                plans.add(plan(rule, terms, recursiveAtoms.get(k), Set.copyOf(recursiveAtoms.subList(0, k)), uses));
            }
        }
        List<Integer> lowerAtoms = new ArrayList<>();
        for (int i = 0; i < rule.body().size(); i++) {
            if (rule.body().get(i) instanceof Atom atom && !stratumRelations.contains(atom.relation())) {
                lowerAtoms.add(i);
            }
        }
        List<RulePlan> incremental = null;
        if ((long) (lowerAtoms.size() + recursiveAtoms.size()) * rule.body().size() <= MAX_VERSION_STEPS) {
            incremental = new ArrayList<>();
            for (int deltaAtom : lowerAtoms) {
                incremental.add(plan(rule, terms, deltaAtom, Set.of(), uses));
            }
        }
        return new Versions(plans, incremental);
    }

    private RulePlan plan(Rule rule, TermTranslator terms, int deltaAtom, Set<Integer> oldAtoms,
                          List<AggregateUse> uses) {
        PipelineBuilder builder = new PipelineBuilder(rule, terms, relations, deltaAtom, oldAtoms, uses);
        return new RulePlan(rule, rule.head().relation(), deltaAtom, builder.build());
    }

    /**
     * What the aggregate reads (its one body atom, or its hidden relation) and filters, and the
     * enclosing rule's variables it is correlated with.
     */
    private AggregateUse use(Rule rule, Aggregate aggregate, String variable) {
        AggregateBodies.Hidden hidden = bodies.of(aggregate);
        Atom atom = hidden == null ? null : hidden.atom();
        List<Comparison> comparisons = new ArrayList<>(hidden == null ? List.of() : hidden.keptComparisons());
        if (hidden == null) {
            // a direct body: one atom (AggregateBodies hides every other shape) and comparisons
            for (Literal literal : aggregate.body()) {
                if (literal instanceof Atom bodyAtom) {
                    atom = bodyAtom;
                } else if (literal instanceof Comparison comparison) {
                    comparisons.add(comparison);
                }
            }
        }
        if (atom == null) {
            throw new PlanningError(aggregate.pos(), "an aggregate needs an atom in its body");
        }
        Set<String> inside = new LinkedHashSet<>();
        AstWalk.forEachVariable(aggregate, v -> inside.add(v.name()));
        List<Term> direct = new ArrayList<>(comparisons.stream().flatMap(c -> AstWalk.terms(c).stream()).toList());
        if (hidden == null) {
            direct.addAll(nestedTerms(aggregate));
        }
        for (Term nested : direct) {
            AstWalk.forEachOutermostAggregate(nested, deeper -> {
                throw new PlanningError(deeper.pos(), "an aggregate nested in an aggregate may not read the"
                        + " enclosing rule's variables");
            });
        }
        Set<String> outside = new LinkedHashSet<>();
        for (Term arg : rule.head().args()) {
            AstWalk.forEachVariable(arg, aggregate, v -> outside.add(v.name()));
        }
        for (Literal literal : rule.body()) {
            for (Term term : AstWalk.terms(literal)) {
                AstWalk.forEachVariable(term, aggregate, v -> outside.add(v.name()));
            }
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
            nested.addAll(AstWalk.terms(literal));
        }
        return nested;
    }
}
