// Runs one rule plan on a backend: step after step, each consuming the rows the previous one made.
// The last step reads its input in bounded slices and hands each slice's output to the candidates,
// so no rule materialises more than one slice of head tuples at a time. Each step is prepared for the
// backend once, on first use, and released when the runner closes.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.RulePlan;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendException;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

final class PipelineRunner implements AutoCloseable {
    private final Backend backend;
    private final IdentityHashMap<Step, Prepared<?>> prepared = new IdentityHashMap<>();
    private BooleanSupplier cancelled = () -> false;
    private final RelationStore store;
    private final OperationTimer timer;
    private final EvaluationOptions options;

    PipelineRunner(Backend backend, RelationStore store, OperationTimer timer, EvaluationOptions options) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        this.options = options;
    }

    void cancelWhen(BooleanSupplier condition) {
        this.cancelled = condition;
    }

    private void checkCancelled(RulePlan plan) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("while evaluating the rule for '" + plan.headRelation() + "' at "
                    + plan.rule().pos());
        }
    }

    void run(RulePlan plan, Candidates candidates) {
        checkCancelled(plan);
        try {
            runSteps(plan, candidates);
        } catch (BackendException e) {
            throw new BackendException("evaluating the rule for '" + plan.headRelation() + "' at "
                    + plan.rule().pos() + ": " + e.getMessage(), e);
        }
    }

    private void runSteps(RulePlan plan, Candidates candidates) {
        List<Step> steps = plan.steps();
        Rows current = null;
        boolean owned = false;
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                boolean last = i == steps.size() - 1;
                if (last && i > 0 && current.size() > options.chunkRows()) {
                    runInSlices(step, current, plan.headRelation(), candidates);
                    return;
                }
                Rows next;
                boolean nextOwned = true;
                if (step instanceof ScanStep scan && scan.isIdentity() && !last) {
                    next = store.rows(scan.relation());
                    nextOwned = false;
                } else {
                    next = apply(step, current);
                }
                if (owned) {
                    backend.release(current);
                }
                current = next;
                owned = nextOwned;
                if (current.isEmpty()) {
                    return;
                }
                if (current.arity() == 0 && current.size() > 1 && !last) {
                    Rows one = backend.sortUnique(current);
                    if (owned) {
                        backend.release(current);
                    }
                    current = one;
                    owned = true;
                }
            }
            candidates.add(plan.headRelation(), current);
            owned = false;
        } finally {
            if (owned) {
                backend.release(current);
            }
        }
    }

    private void runInSlices(Step step, Rows input, String head, Candidates candidates) {
        long size = input.size();
        for (long from = 0; from < size; from += options.chunkRows()) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException("while evaluating a rule for '" + head + "'");
            }
            Rows slice = backend.slice(input, from, Math.min(size, from + options.chunkRows()));
            try {
                candidates.add(head, apply(step, slice));
            } finally {
                backend.release(slice);
            }
        }
    }

    private Rows apply(Step step, Rows input) {
        if (step instanceof UnitStep unit) {
            Prepared<UnitStep> ready = prepared(unit);
            return timer.time(Operation.JOIN, () -> backend.unit(ready));
        }
        if (step instanceof ScanStep scan) {
            Prepared<ScanStep> ready = prepared(scan);
            Index order = store.index(scan.relation(), scan.order());
            return timer.time(Operation.JOIN, () -> backend.scan(ready, order));
        }
        if (step instanceof JoinStep join) {
            Prepared<JoinStep> ready = prepared(join);
            Index index = store.index(join.relation(), join.index());
            return timer.time(Operation.JOIN, () -> backend.join(ready, input, index));
        }
        if (step instanceof AntiJoinStep anti) {
            Prepared<AntiJoinStep> ready = prepared(anti);
            Index index = store.index(anti.relation(), anti.index());
            return timer.time(Operation.JOIN, () -> backend.antiJoin(ready, input, index));
        }
        AggregateStep aggregate = (AggregateStep) step;
        Prepared<AggregateStep> ready = prepared(aggregate);
        Index index = store.index(aggregate.relation(), aggregate.index());
        return timer.time(Operation.JOIN, () -> backend.aggregate(ready, input, index));
    }

    @SuppressWarnings("unchecked")
    private <S extends Step> Prepared<S> prepared(S step) {
        return (Prepared<S>) prepared.computeIfAbsent(step, backend::prepare);
    }

    /** Releases every prepared step. */
    @Override
    public void close() {
        prepared.values().forEach(backend::release);
        prepared.clear();
    }
}
