// Runs one rule plan on a backend: step after step, each consuming the rows the previous one made. Memory
// stays bounded whatever the joins fan out to: every step's input is cut into slices sized from the fan-out
// the step showed so far (a first small slice measures it), so that no intermediate, and no batch of
// head tuples, exceeds about chunkRows rows. A step reading the full version of a relation runs once per
// tier, and each tier's output flows on separately; an existence check on a whole row of a relation that
// has a dense set runs once, the set answering for every tier. Each step is prepared for the backend
// once, on first use, and released when the runner closes.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.RulePlan;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.AbsentRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendException;
import dev.jetlog.seminaive.spi.DenseSet;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

final class PipelineRunner implements AutoCloseable {
    /** Rows of the slice that measures a step's fan-out before its first large input is cut. */
    static final long PROBE_ROWS = 1 << 16;
    /**
     * A join that has made at least this many rows per input row (or has not run yet) is sliced by counting
     * its matches first, where the backend can: a skewed key (a huge eqrel class) would otherwise make one
     * slice's output outgrow the memory.
     */
    static final double WIDE_FAN_OUT = 64;

    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    private final RuleTimer rules;
    private final EvaluationOptions options;
    private final IdentityHashMap<Step, Prepared<?>> prepared = new IdentityHashMap<>();
    /** Per step: output rows per input row, as last observed. */
    private final IdentityHashMap<Step, Double> fanOut = new IdentityHashMap<>();
    private BooleanSupplier cancelled = () -> false;
    /** The memory check: after every rule, and after every slice, so that no one rule outgrows the budget. */
    private Runnable memoryCheck = () -> { };

    PipelineRunner(Backend backend, RelationStore store, OperationTimer timer, EvaluationOptions options) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        this.options = options;
        this.rules = new RuleTimer(options.timeOperations());
    }

    /** The rules run since the last call, slowest first (empty unless operations are timed); then starts over. */
    List<RuleStats> drainRuleStats() {
        return rules.drain();
    }

    void cancelWhen(BooleanSupplier condition) {
        this.cancelled = condition;
    }

    /** A check to run after every rule and every slice of a step's input (the memory budget). */
    void checkMemoryWith(Runnable check) {
        this.memoryCheck = check;
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
            if (rules.measuring()) {
                rules.run(plan, candidates, () -> runFrom(plan, 0, null, candidates));
            } else {
                runFrom(plan, 0, null, candidates); // no lambda per run where nothing is measured
            }
            memoryCheck.run();
        } catch (BackendException e) {
            throw new BackendException("evaluating the rule for '" + plan.headRelation() + "' at "
                    + plan.rule().pos() + ": " + e.getMessage(), e);
        }
    }

    /** Runs steps [i, end) on input (null before the first step; owned by the caller). */
    private void runFrom(RulePlan plan, int i, Rows input, Candidates candidates) {
        runFrom(plan, i, input, candidates, false);
    }

    private boolean mayFanOutWide(Step step) {
        Double observed = fanOut.get(step);
        return observed == null || observed >= WIDE_FAN_OUT;
    }

    /** As runFrom; sliced: the input is a slice already cut for step i, which runs on it whole. */
    private void runFrom(RulePlan plan, int i, Rows input, Candidates candidates, boolean sliced) {
        Step step = plan.steps().get(i);
        boolean last = i == plan.steps().size() - 1;
        DenseSet set = input == null ? null : candidates.denseSet(plan.headRelation());
        if (set != null && i == plan.steps().size() - 2 && step instanceof JoinStep first
                && plan.steps().get(i + 1) instanceof JoinStep second) {
            // the last two joins run as one: the first's rows go straight into the second, never made
            joinJoinIntoDenseSet(plan, first, second, input, set, candidates);
            return;
        }
        // a join into a dense set writes only new tuples, which are kept anyway: its input needs no slicing
        if (set != null && last && step instanceof JoinStep join) {
            joinIntoDenseSet(plan, join, input, set, candidates);
            return;
        }
        if (input != null && !sliced
                && (input.size() > maxSlice() || input.size() > probeRows() && fanOut.get(step) == null
                || input.size() > 1 && step instanceof JoinStep && mayFanOutWide(step))) {
            runSliced(plan, i, input, candidates);
            return;
        }
        if (step instanceof ScanStep scan && scan.isIdentity() && !last) {
            for (Rows rows : store.rows(scan.relation())) {
                if (!rows.isEmpty()) {
                    runFrom(plan, i + 1, rows, candidates);
                }
            }
            return;
        }
        long inputRows = input == null ? 1 : Math.max(1, input.size());
        for (Rows output : apply(step, input, candidates)) {
            fanOut.put(step, output.size() / (double) inputRows);
            try {
                if (output.isEmpty()) {
                    continue;
                }
                if (last) {
                    // the candidates own the rows from the call on, also when it fails (a compaction that
                    // runs out of memory has released them already): this frame must not release them again
                    Rows derived = output;
                    output = null;
                    candidates.add(plan.headRelation(), derived);
                    continue;
                }
                if (output.arity() == 0 && output.size() > 1) {
                    Rows one = backend.sortUnique(output);
                    backend.release(output);
                    output = one;
                }
                runFrom(plan, i + 1, output, candidates);
            } finally {
                if (output != null) {
                    backend.release(output);
                }
            }
        }
    }

    /**
     * The last step of a rule whose head has a dense set: the join drops known head tuples as it makes
     * them, once per tier of the relation it reads.
     */
    private void joinIntoDenseSet(RulePlan plan, JoinStep join, Rows input, DenseSet set, Candidates candidates) {
        Prepared<JoinStep> ready = prepared(join);
        for (Index index : joinIndexes(join, candidates, Long.MAX_VALUE)) {
            AbsentRows split = timer.time(Operation.JOIN, () -> backend.joinAbsent(ready, input, index, set));
            candidates.addFiltered(plan.headRelation(), split);
        }
    }

    /** The last two steps of a rule whose head has a dense set, as one operator, once per pair of tiers. */
    private void joinJoinIntoDenseSet(RulePlan plan, JoinStep first, JoinStep second, Rows input, DenseSet set,
                                      Candidates candidates) {
        Prepared<JoinStep> firstReady = prepared(first);
        Prepared<JoinStep> secondReady = prepared(second);
        List<Index> secondIndexes = joinIndexes(second, candidates, Long.MAX_VALUE);
        for (Index firstIndex : joinIndexes(first, candidates, Long.MAX_VALUE)) {
            for (Index secondIndex : secondIndexes) {
                AbsentRows split = timer.time(Operation.JOIN,
                        () -> backend.joinJoinAbsent(firstReady, firstIndex, secondReady, secondIndex, input, set));
                candidates.addFiltered(plan.headRelation(), split);
            }
        }
    }

    /**
     * Runs step i on slices of its input: the first one of PROBE_ROWS rows when the step's fan-out is not
     * known yet, then as many rows as keep its output near chunkRows. A join whose fan-out is unknown or wide
     * takes as many rows as match about chunkRows tuples, where the backend counts them.
     */
    private void runSliced(RulePlan plan, int i, Rows input, Candidates candidates) {
        Step step = plan.steps().get(i);
        long size = input.size();
        long from = 0;
        while (from < size) {
            checkCancelled(plan);
            Double observed = fanOut.get(step);
            long rows = observed == null ? probeRows()
                    : (long) Math.min(maxSlice(), Math.max(probeRows() / 16, options.chunkRows() / Math.max(observed, 1e-3)));
            if (step instanceof JoinStep join && mayFanOutWide(step)) {
                long counted = joinRowsWithin(join, input, from, Math.min(size, from + maxSlice()), candidates);
                if (counted > 0) {
                    rows = Math.min(maxSlice(), counted);
                }
            }
            long to = Math.min(size, from + Math.max(1, rows));
            Rows slice = backend.slice(input, from, to);
            try {
                runFrom(plan, i, slice, candidates, true);
            } finally {
                backend.release(slice);
            }
            memoryCheck.run();
            from = to;
        }
    }

    /**
     * The input rows of [from, to) whose matches, over every row set the join reads, total about chunkRows;
     * -1 where the backend cannot count them.
     */
    private long joinRowsWithin(JoinStep join, Rows input, long from, long to, Candidates candidates) {
        Prepared<JoinStep> ready = prepared(join);
        List<Index> indexes = joinIndexes(join, candidates, to - from);
        long rows = Long.MAX_VALUE;
        for (Index index : indexes) {
            long within = timer.time(Operation.JOIN, () -> backend.joinRowsWithin(ready, input, from, to, index,
                    Math.max(1, options.chunkRows() / indexes.size())));
            if (within < 0) {
                return -1;
            }
            rows = Math.min(rows, within);
        }
        return rows == Long.MAX_VALUE ? -1 : rows;
    }

    /** The most input rows a step takes at once. */
    private long maxSlice() {
        return Math.max(1, options.chunkRows() / 2);
    }

    /** The rows of the slice that measures a step's fan-out. */
    private long probeRows() {
        return Math.min(PROBE_ROWS, maxSlice());
    }

    /**
     * The indexes a join reads, one per row set: those of the tiers (or the delta) of the relation it reads;
     * for an existence check against the full (or OLD) version of a relation of this stratum that has a
     * dense set, one index that the set answers, where the backend has one.
     */
    private List<Index> joinIndexes(JoinStep join, Candidates candidates, long lookups) {
        RelationRef ref = join.relation();
        List<Index> indexes = new ArrayList<>();
        for (Rows rows : store.rows(ref)) {
            if (!rows.isEmpty()) {
                indexes.add(index(ref, rows, join.index(), lookups));
            }
        }
        // OLD may read more than it asks: the set, which answers with full (the rows held before this
        // iteration's additions), answers it as well
        DenseSet set = ref.version() != Version.DELTA ? candidates.denseSet(ref.relation()) : null;
        if (set != null && !indexes.isEmpty()) {
            Index known = backend.knownIndex(prepared(join), set, indexes);
            if (known != null) {
                return List.of(known);
            }
        }
        return indexes;
    }

    /** The outputs of a step: one per row set it reads (the tiers of a full version), or one. */
    private List<Rows> apply(Step step, Rows input, Candidates candidates) {
        if (step instanceof UnitStep unit) {
            Prepared<UnitStep> ready = prepared(unit);
            return List.of(timer.time(Operation.JOIN, () -> backend.unit(ready)));
        }
        if (step instanceof GenerateStep generate) {
            Prepared<GenerateStep> ready = prepared(generate);
            return List.of(timer.time(Operation.JOIN, () -> backend.generate(ready, input)));
        }
        RelationRef ref = step.relation();
        if (step instanceof AntiJoinStep || step instanceof AggregateStep) {
            // negation and aggregates read lower strata, consolidated into one sorted set
            return List.of(applyTo(step, input, ref, store.full(ref.relation())));
        }
        List<Rows> outputs = new ArrayList<>();
        try {
            if (step instanceof JoinStep join) {
                Prepared<JoinStep> ready = prepared(join);
                for (Index index : joinIndexes(join, candidates, input.size())) {
                    outputs.add(timer.time(Operation.JOIN, () -> backend.join(ready, input, index)));
                }
                return outputs;
            }
            for (Rows rows : store.rows(ref)) {
                if (!rows.isEmpty()) {
                    outputs.add(applyTo(step, input, ref, rows));
                }
            }
            return outputs;
        } catch (RuntimeException | Error e) {
            outputs.forEach(backend::release);
            throw e;
        }
    }

    private Rows applyTo(Step step, Rows input, RelationRef ref, Rows rows) {
        if (step instanceof ScanStep scan) {
            Prepared<ScanStep> ready = prepared(scan);
            if (scan.skipsRepeats() && !scan.groupsInStoredOrder() && !store.hasIndex(ref, rows, scan.order())) {
                // no index in the step's order at hand: a backend that can skip repeats without one saves
                // sorting the relation for a scan that only drops columns
                Rows distinct = timer.time(Operation.JOIN, () -> backend.scanDistinct(ready, rows));
                if (distinct != null) {
                    return distinct;
                }
            }
            Index order = index(ref, rows, scan.order(), Long.MAX_VALUE);
            return timer.time(Operation.JOIN, () -> backend.scan(ready, order));
        }
        if (step instanceof AntiJoinStep anti) {
            Prepared<AntiJoinStep> ready = prepared(anti);
            Index index = index(ref, rows, anti.index(), Long.MAX_VALUE);
            return timer.time(Operation.JOIN, () -> backend.antiJoin(ready, input, index));
        }
        AggregateStep aggregate = (AggregateStep) step;
        Prepared<AggregateStep> ready = prepared(aggregate);
        Index index = index(ref, rows, aggregate.index(), Long.MAX_VALUE);
        return timer.time(Operation.JOIN, () -> backend.aggregate(ready, input, index));
    }

    /** The index of the rows in the spec's order, ready for about `lookups` lookups (Backend.readyIndex). */
    private Index index(RelationRef ref, Rows rows, IndexSpec spec, long lookups) {
        Index index = store.index(ref, rows, spec);
        if (!timer.measuring()) {
            backend.readyIndex(index, lookups); // no lambda to allocate on the path of every lookup batch
            return index;
        }
        timer.time(Operation.INDEX, () -> {
            backend.readyIndex(index, lookups);
            return index;
        });
        return index;
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
