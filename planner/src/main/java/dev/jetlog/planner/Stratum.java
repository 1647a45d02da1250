// A strongly connected component of the predicate graph, evaluated to a fixpoint on its own after
// every stratum it depends on. Initial rules read no relation of the stratum and run once; the
// recursive versions run every iteration until no relation of the stratum gains a tuple. For
// incremental runs, the incremental versions read the DELTA of one relation of an earlier stratum (the
// tuples it gained since the last run); null when a change below must recompute the stratum instead.
// reads lists the earlier relations the stratum reads positively; readsNonMonotonically those it
// negates or aggregates over, whose change always recomputes it. A relation of the stratum with
// subsumption clauses has rules for its hidden `r@dominated` relation: subsumptionRules read every tuple
// (they run once the initial rules are done), subsumptionVersions read an iteration's new tuples as DELTA;
// the evaluator deletes what they derive from the relation. classRelations are the hidden `r@class`
// relations of eqrel relations that the evaluator computes in this stratum from r's pairs (a union-find over
// r's full version, then over each iteration's new pairs). An onDemand stratum holds only eqrel closures that
// no other stratum reads: the evaluator evaluates it when one of them is read, not before.
package dev.jetlog.planner;

import java.util.List;
import java.util.Set;

public record Stratum(int index, List<String> relations, boolean recursive,
                      List<RulePlan> initialRules, List<RulePlan> recursiveVersions,
                      List<RulePlan> incrementalVersions, Set<String> reads, Set<String> readsNonMonotonically,
                      List<RulePlan> subsumptionRules, List<RulePlan> subsumptionVersions,
                      List<String> classRelations, boolean onDemand) {
    public Stratum {
        relations = List.copyOf(relations);
        initialRules = List.copyOf(initialRules);
        recursiveVersions = List.copyOf(recursiveVersions);
        incrementalVersions = incrementalVersions == null ? null : List.copyOf(incrementalVersions);
        reads = Set.copyOf(reads);
        readsNonMonotonically = Set.copyOf(readsNonMonotonically);
        subsumptionRules = List.copyOf(subsumptionRules);
        subsumptionVersions = List.copyOf(subsumptionVersions);
        classRelations = List.copyOf(classRelations);
    }

    /** The same stratum, evaluated only when a relation of it is read. */
    Stratum evaluatedOnDemand() {
        return new Stratum(index, relations, recursive, initialRules, recursiveVersions, incrementalVersions, reads,
                readsNonMonotonically, subsumptionRules, subsumptionVersions, classRelations, true);
    }

    /** True if some relation of the stratum deletes the tuples its subsumption clauses find dominated. */
    public boolean subsumes() {
        return !subsumptionRules.isEmpty();
    }
}
