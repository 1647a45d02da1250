// An aggregate of a rule as the planner schedules it: the variable that carries its result, its
// single body atom and comparisons, and the enclosing rule's variables it is correlated with.
package dev.jetlog.planner;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.Comparison;

import java.util.List;
import java.util.Set;

record AggregateUse(String variable, Aggregate aggregate, Atom atom, List<Comparison> comparisons,
                    Set<String> correlated) {
}
