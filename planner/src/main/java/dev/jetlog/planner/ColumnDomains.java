// The values each column of a relation can take, as far as the rules tell: the columns of relations that
// rules copy into it (followed through the relations that feed it in turn) and the constants they write.
// A column that some rule computes (arithmetic, functors, aggregates, generated ranges) has no known domain.
package dev.jetlog.planner;

import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Step;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * In a points-to analysis {@code fieldPointsTo(baseHeap, f, h)} takes its heaps from {@code varPointsTo}'s
 * second column, which takes them from {@code alloc}'s and its own: the heap columns range over the
 * allocated heaps, known before the loop starts. A dense set whose box spans a column's domain holds every
 * tuple the loop derives there, instead of only the values seen when the set was made.
 *
 * <p>A relation's rows (loaded facts, inserted tuples) are values of its columns too: a domain lists the
 * relation columns whose current rows bound it, among them those of the relation itself and of every
 * relation it copies from, however indirectly.
 */
public final class ColumnDomains {
    /**
     * A column of a relation. Its equals and hashCode are written out: a record's generated ones link
     * through invokedynamic on first use, which costs milliseconds in the short runs this serves.
     */
    public record Source(String relation, int column) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Source source && source.column == column && source.relation.equals(relation);
        }

        @Override
        public int hashCode() {
            return relation.hashCode() * 31 + column;
        }
    }

    /** The values of these relation columns (their current rows) and these constants. */
    public record Domain(Set<Source> sources, Set<Integer> constants) {
        public Domain {
            sources = Set.copyOf(sources);
            constants = Set.copyOf(constants);
        }
    }

    /** What one head column of one rule copies: a relation column, a constant, or nothing known (as Source). */
    private record Origin(Source source, Integer constant) {
        static final Origin COMPUTED = new Origin(null, null);

        @Override
        public boolean equals(Object other) {
            return other instanceof Origin origin && Objects.equals(origin.source, source)
                    && Objects.equals(origin.constant, constant);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(source) * 31 + Objects.hashCode(constant);
        }
    }

    private final Map<Source, Set<Origin>> origins;
    private final Map<Source, Domain> domains = new HashMap<>();

    private ColumnDomains(Map<Source, Set<Origin>> origins) {
        this.origins = origins;
    }

    /** The domains of the plan's relations, from the rules of all its strata. */
    public static ColumnDomains of(Plan plan) {
        Map<Source, Set<Origin>> origins = new HashMap<>();
        for (Stratum stratum : plan.strata()) {
            for (List<RulePlan> rules : List.of(stratum.initialRules(), stratum.recursiveVersions(),
                    stratum.subsumptionRules(), stratum.subsumptionVersions())) {
                for (RulePlan rule : rules) {
                    List<Step> steps = rule.steps();
                    List<Expr> head = rule.lastStep().output();
                    for (int column = 0; column < head.size(); column++) {
                        origins.computeIfAbsent(new Source(rule.headRelation(), column), s -> new HashSet<>())
                                .add(origin(steps, steps.size() - 1, head.get(column)));
                    }
                }
            }
        }
        return new ColumnDomains(origins);
    }

    /** What expr, an output of steps[at], copies, followed back through the input columns of earlier steps. */
    private static Origin origin(List<Step> steps, int at, Expr expr) {
        while (true) {
            if (expr instanceof Constant constant) {
                return new Origin(null, constant.value());
            }
            if (!(expr instanceof ColumnRef ref)) {
                return Origin.COMPUTED;
            }
            Step step = steps.get(at);
            if (ref.side() == Side.TUPLE) {
                boolean copiesRows = step instanceof ScanStep || step instanceof JoinStep;
                return copiesRows ? new Origin(new Source(step.relation().relation(), ref.column()), null)
                        : Origin.COMPUTED;
            }
            // an aggregate's value, or past the input's width: a value the step makes itself
            if (ref.side() != Side.INPUT || at == 0 || ref.column() >= step.inputWidth()) {
                return Origin.COMPUTED;
            }
            at--;
            expr = steps.get(at).output().get(ref.column());
        }
    }

    /** The domain of a relation's column, or null where some rule that feeds it computes its values. */
    public Domain of(String relation, int column) {
        Source start = new Source(relation, column);
        if (domains.containsKey(start)) {
            return domains.get(start);
        }
        Set<Source> sources = new LinkedHashSet<>();
        Set<Integer> constants = new HashSet<>();
        Deque<Source> pending = new ArrayDeque<>(List.of(start));
        Domain domain = null;
        boolean computed = false;
        while (!pending.isEmpty() && !computed) {
            Source source = pending.pop();
            if (!sources.add(source)) {
                continue;
            }
            for (Origin origin : origins.getOrDefault(source, Set.of())) {
                if (origin == Origin.COMPUTED) {
                    computed = true;
                } else if (origin.source() != null) {
                    pending.push(origin.source());
                } else {
                    constants.add(origin.constant());
                }
            }
        }
        if (!computed) {
            domain = new Domain(sources, constants);
        }
        domains.put(start, domain);
        return domain;
    }
}
