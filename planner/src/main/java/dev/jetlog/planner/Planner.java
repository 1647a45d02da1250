// Entry point of the planner: turns a checked program into a Plan, or throws a DatalogException
// whose diagnostics name the rules and literals that cannot be evaluated.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.parser.Subsumption;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class Planner {
    private Planner() {
    }

    /**
     * Plans the program (after the magic-set transformation, if it asks for one); string constants are numbered
     * 0, 1, ... in order of first appearance.
     */
    public static Plan plan(CheckedProgram checked) {
        CheckedProgram program = MagicSets.transform(checked);
        Map<String, Integer> symbolIds = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        AggregateBodies bodies;
        try {
            bodies = AggregateBodies.of(program);
        } catch (PlanningError error) {
            throw new DatalogException(program.source(), List.of(error.diagnostic()));
        }
        List<RelationDecl> relations = new ArrayList<>(program.program().declarations());
        relations.addAll(bodies.declarations());
        List<Rule> rules = new ArrayList<>(program.program().rules());
        rules.addAll(bodies.rules());
        DependencyGraph graph = new DependencyGraph(relations, rules, bodies);
        List<List<String>> components = Stratifier.strata(rules, graph, errors);
        if (!errors.isEmpty()) {
            throw new DatalogException(program.source(), errors);
        }
        // body parts that share no variable with the head and read earlier strata are joined once, into
        // nullary relations of their own strata
        Map<String, Integer> stratumOf = new HashMap<>();
        for (int c = 0; c < components.size(); c++) {
            for (String member : components.get(c)) {
                stratumOf.put(member, c);
            }
        }
        IndependentBodies.Split split = IndependentBodies.split(program.program().rules(), stratumOf);
        if (!split.declarations().isEmpty()) {
            relations.addAll(split.declarations());
            rules = new ArrayList<>(split.rules());
            rules.addAll(bodies.rules());
            graph = new DependencyGraph(relations, rules, bodies);
            components = Stratifier.strata(rules, graph, errors);
            if (!errors.isEmpty()) {
                throw new DatalogException(program.source(), errors);
            }
        }
        Map<String, RelationDecl> byName = new LinkedHashMap<>();
        relations.forEach(decl -> byName.putIfAbsent(decl.name(), decl));
        RuleCompiler compiler = new RuleCompiler(program,
                symbol -> symbolIds.computeIfAbsent(symbol, s -> symbolIds.size()), byName, bodies);
        List<Stratum> strata = new ArrayList<>();
        for (List<String> members : components) {
            if (members.stream().allMatch(name -> Subsumption.subsumedRelation(name) != null)) {
                continue; // evaluated within the stratum of the relation it deletes from
            }
            Set<String> memberSet = new LinkedHashSet<>(members);
            boolean recursive = Stratifier.isRecursive(members, graph);
            List<RulePlan> initial = new ArrayList<>();
            List<RulePlan> versions = new ArrayList<>();
            List<RulePlan> incremental = new ArrayList<>();
            boolean incrementable = true;
            for (Rule rule : rules) {
                if (!memberSet.contains(rule.head().relation())) {
                    continue;
                }
                Atom debugRead = DeltaDebugReads.find(rule, memberSet, byName);
                if (debugRead != null) {
                    errors.add(Diagnostic.error(debugRead.pos(), "'" + debugRead.relation() + "' is filled by debug_delta("
                            + byName.get(debugRead.relation()).deltaOf() + ") as this rule's stratum runs: only rules of "
                            + "later strata may read it"));
                    continue;
                }
                FunctorCall autoinc = FunctorCalls.find(rule, FunctorCall::isAutoIncrement);
                if (recursive && readsAny(rule, memberSet) && autoinc != null) {
                    errors.add(Diagnostic.error(autoinc.pos(),
                            "autoinc() in a recursive rule: each iteration would make new numbers, so there is no fixpoint"));
                    continue;
                }
                try {
                    RuleCompiler.Versions compiled = compiler.compileVersions(rule, recursive ? memberSet : Set.of());
                    for (RulePlan plan : compiled.regular()) {
                        (plan.deltaAtom() >= 0 ? versions : initial).add(plan);
                    }
                    if (compiled.incremental() == null
                            || FunctorCalls.find(rule, FunctorCall::isIterationCounter) != null) {
                        incrementable = false;
                    } else {
                        incremental.addAll(compiled.incremental());
                    }
                } catch (PlanningError error) {
                    errors.add(error.diagnostic());
                }
            }
            Set<String> reads = new LinkedHashSet<>();
            Set<String> nonMonotone = new LinkedHashSet<>();
            for (List<RulePlan> plans : List.of(initial, versions)) {
                for (RulePlan plan : plans) {
                    for (Step step : plan.steps()) {
                        if (step.relation() == null || memberSet.contains(step.relation().relation())) {
                            continue;
                        }
                        boolean negative = step instanceof AntiJoinStep || step instanceof AggregateStep;
                        (negative ? nonMonotone : reads).add(step.relation().relation());
                    }
                }
            }
            List<RulePlan> subsumptionRules = new ArrayList<>();
            List<RulePlan> subsumptionVersions = new ArrayList<>();
            for (Rule rule : rules) {
                String subsumed = Subsumption.subsumedRelation(rule.head().relation());
                if (subsumed == null || !memberSet.contains(subsumed)) {
                    continue;
                }
                try {
                    subsumptionRules.addAll(compiler.compileOnce(rule));
                    if (recursive) {
                        subsumptionVersions.addAll(compiler.compile(rule, memberSet));
                    }
                } catch (PlanningError error) {
                    errors.add(error.diagnostic());
                }
            }
            for (RulePlan plan : subsumptionRules) {
                for (Step step : plan.steps()) {
                    if (step.relation() != null && !memberSet.contains(step.relation().relation())) {
                        nonMonotone.add(step.relation().relation());
                    }
                }
            }
            List<String> classRelations = new ArrayList<>();
            for (String member : members) {
                String pairs = EquivalenceRelations.ofClassRelation(member);
                if (pairs != null) {
                    classRelations.add(member);
                    if (!memberSet.contains(pairs)) {
                        reads.add(pairs);
                    }
                }
            }
            // deleting tuples is not monotone, and a union-find's classes are rebuilt: a change below
            // recomputes the stratum
            // and a debug_delta relation numbers the tuples by the iterations of a run from scratch
            boolean canIncrement = incrementable && subsumptionRules.isEmpty() && classRelations.isEmpty()
                    && members.stream().noneMatch(graph::isDeltaDebug);
            strata.add(new Stratum(strata.size(), members, recursive, initial, versions,
                    canIncrement ? incremental : null, reads, nonMonotone, subsumptionRules, subsumptionVersions,
                    classRelations, false));
        }
        markOnDemand(strata);
        if (!errors.isEmpty()) {
            throw new DatalogException(program.source(), errors);
        }
        return new Plan(program, relations, strata, new ArrayList<>(symbolIds.keySet()));
    }

    /** Marks the strata that hold only eqrel closures no other stratum reads: they are evaluated on demand. */
    private static void markOnDemand(List<Stratum> strata) {
        Set<String> read = new LinkedHashSet<>();
        for (Stratum stratum : strata) {
            read.addAll(stratum.reads());
            read.addAll(stratum.readsNonMonotonically());
        }
        strata.replaceAll(stratum -> stratum.relations().stream().allMatch(relation ->
                EquivalenceRelations.ofClosureRelation(relation) != null && !read.contains(relation))
                ? stratum.evaluatedOnDemand() : stratum);
    }

    private static boolean readsAny(Rule rule, Set<String> relations) {
        return rule.body().stream().anyMatch(literal -> literal instanceof dev.jetlog.parser.ast.Atom atom
                && relations.contains(atom.relation()));
    }
}
