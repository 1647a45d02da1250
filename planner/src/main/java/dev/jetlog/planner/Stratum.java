// A strongly connected component of the predicate graph, evaluated to a fixpoint on its own after
// every stratum it depends on. Initial rules read no relation of the stratum and run once; the
// recursive versions run every iteration until no relation of the stratum gains a tuple.
package dev.jetlog.planner;

import java.util.List;

public record Stratum(int index, List<String> relations, boolean recursive,
                      List<RulePlan> initialRules, List<RulePlan> recursiveVersions) {
    public Stratum {
        relations = List.copyOf(relations);
        initialRules = List.copyOf(initialRules);
        recursiveVersions = List.copyOf(recursiveVersions);
    }
}
