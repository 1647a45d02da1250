// Entry point of the planner: turns a checked program into a Plan, or throws a DatalogException
// whose diagnostics name the rules and literals that cannot be evaluated.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.ast.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class Planner {
    private Planner() {
    }

    /** Plans the program; string constants are numbered 0, 1, ... in order of first appearance. */
    public static Plan plan(CheckedProgram program) {
        Map<String, Integer> symbolIds = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        DependencyGraph graph = new DependencyGraph(program.program());
        List<List<String>> components = Stratifier.strata(program.program(), graph, errors);
        if (!errors.isEmpty()) {
            throw new DatalogException(program.source(), errors);
        }
        RuleCompiler compiler = new RuleCompiler(program,
                symbol -> symbolIds.computeIfAbsent(symbol, s -> symbolIds.size()));
        List<Stratum> strata = new ArrayList<>();
        for (List<String> members : components) {
            Set<String> memberSet = new LinkedHashSet<>(members);
            boolean recursive = Stratifier.isRecursive(members, graph);
            List<RulePlan> initial = new ArrayList<>();
            List<RulePlan> versions = new ArrayList<>();
            for (Rule rule : program.program().rules()) {
                if (!memberSet.contains(rule.head().relation())) {
                    continue;
                }
                try {
                    for (RulePlan plan : compiler.compile(rule, recursive ? memberSet : Set.of())) {
                        (plan.deltaAtom() >= 0 ? versions : initial).add(plan);
                    }
                } catch (PlanningError error) {
                    errors.add(error.diagnostic());
                }
            }
            strata.add(new Stratum(strata.size(), members, recursive, initial, versions));
        }
        if (!errors.isEmpty()) {
            throw new DatalogException(program.source(), errors);
        }
        return new Plan(program, strata, new ArrayList<>(symbolIds.keySet()));
    }
}
