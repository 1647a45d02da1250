// The evaluation plan of a checked program: strata in dependency order, each with its rule
// pipelines, and the HISA indexes each relation version needs.
package dev.jetlog.planner;

import dev.jetlog.parser.CheckedProgram;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Step;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class Plan {
    private final CheckedProgram program;
    private final List<RelationDecl> relations;
    private final List<Stratum> strata;
    private final List<String> symbolConstants;

    public Plan(CheckedProgram program, List<RelationDecl> relations, List<Stratum> strata,
                List<String> symbolConstants) {
        this.program = program;
        this.relations = List.copyOf(relations);
        this.strata = List.copyOf(strata);
        this.symbolConstants = List.copyOf(symbolConstants);
    }

    public CheckedProgram program() {
        return program;
    }

    /**
     * Every relation the evaluation keeps: the program's declarations, then the hidden relations
     * ("@aggregate0", ...) that aggregates over several atoms read.
     */
    public List<RelationDecl> relations() {
        return relations;
    }

    public List<Stratum> strata() {
        return strata;
    }

    /** The program's string constants, in the order the planner encoded them (ids 0, 1, ...). */
    public List<String> symbolConstants() {
        return symbolConstants;
    }

    /** Every index some step probes, per relation version, in plan order. */
    public Map<RelationRef, Set<IndexSpec>> indexes() {
        Map<RelationRef, Set<IndexSpec>> result = new LinkedHashMap<>();
        for (Stratum stratum : strata) {
            for (List<RulePlan> rules : List.of(stratum.initialRules(), stratum.recursiveVersions())) {
                for (RulePlan rule : rules) {
                    for (Step step : rule.steps()) {
                        IndexSpec index = StepIndexes.indexOf(step);
                        if (index != null) {
                            result.computeIfAbsent(step.relation(), r -> new LinkedHashSet<>()).add(index);
                        }
                    }
                }
            }
        }
        return result;
    }

    /** A readable listing of the strata and pipelines, for `--explain` and debugging. */
    public String explain() {
        return PlanPrinter.print(this);
    }
}
