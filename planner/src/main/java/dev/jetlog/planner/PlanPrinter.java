// Renders a plan as text: strata, rule versions and their steps, one per line.
package dev.jetlog.planner;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;

import java.util.List;

final class PlanPrinter {
    private PlanPrinter() {
    }

    static String print(Plan plan) {
        StringBuilder text = new StringBuilder();
        for (Stratum stratum : plan.strata()) {
            text.append("stratum ").append(stratum.index()).append(' ').append(stratum.relations())
                    .append(stratum.recursive() ? " recursive" : "").append('\n');
            for (RulePlan rule : stratum.initialRules()) {
                printRule(text, "  rule ", rule);
            }
            for (RulePlan rule : stratum.recursiveVersions()) {
                printRule(text, "  delta " + rule.deltaAtom() + " ", rule);
            }
        }
        return text.toString();
    }

    private static void printRule(StringBuilder text, String label, RulePlan rule) {
        text.append(label).append(rule.rule().pos()).append(": ").append(rule.rule()).append('\n');
        for (Step step : rule.steps()) {
            text.append("    ").append(describe(step)).append('\n');
        }
    }

    static String describe(Step step) {
        String tail = filters(step) + " -> " + step.output();
        if (step instanceof UnitStep) {
            return "unit" + tail;
        }
        if (step instanceof ScanStep scan) {
            return "scan " + scan.relation()
                    + (scan.skipsRepeats() ? " by " + scan.order() + " distinct " + scan.distinctColumns() : "") + tail;
        }
        if (step instanceof JoinStep join) {
            return (join.skipsRepeats() && join.distinctColumns() == join.index().keyLength() ? "semijoin " : "join ")
                    + join.relation() + " on " + join.index() + " = " + join.key()
                    + (join.skipsRepeats() && join.distinctColumns() > join.index().keyLength()
                            ? " distinct " + join.distinctColumns() : "") + tail;
        }
        if (step instanceof GenerateStep generate) {
            return "generate range(" + generate.from() + ", " + generate.to()
                    + (generate.step() == null ? "" : ", " + generate.step()) + ")" + tail;
        }
        if (step instanceof AntiJoinStep anti) {
            return "antijoin " + anti.relation() + " on " + anti.index() + " = " + anti.key() + tail;
        }
        AggregateStep aggregate = (AggregateStep) step;
        return aggregate.kind().keyword() + (aggregate.target() == null ? "" : " " + aggregate.target())
                + " over " + aggregate.relation() + " on " + aggregate.index() + " = " + aggregate.key()
                + (aggregate.innerFilters().isEmpty() ? "" : " where " + aggregate.innerFilters()) + tail;
    }

    private static String filters(Step step) {
        List<?> filters = step.filters();
        return filters.isEmpty() ? "" : " if " + filters;
    }
}
