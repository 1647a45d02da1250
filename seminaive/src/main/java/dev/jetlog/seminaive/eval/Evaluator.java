// The semi-naive fixpoint driver: evaluates a plan's strata in order on a backend. A stratum runs
// its initial rules once; a recursive stratum then repeats its delta rule versions, each iteration
// turning the candidates into new tuples (sort-unique, difference with full) that become the next
// delta and a new tier of full, until no relation of the stratum gains a tuple.
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.Plan;
import dev.jetlog.planner.RulePlan;
import dev.jetlog.planner.Stratum;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

public final class Evaluator implements AutoCloseable {
    private final Plan plan;
    private final Backend backend;
    private final EvaluationOptions options;
    private final long memoryLimit;
    private final OperationTimer timer = new OperationTimer();
    private final RelationStore store;
    private final PipelineRunner runner;
    private BooleanSupplier cancelled = () -> false;
    private final List<StratumStats> finished = new ArrayList<>();
    private long start = System.nanoTime();

    public Evaluator(Plan plan, Backend backend, EvaluationOptions options) {
        this.plan = plan;
        this.backend = backend;
        this.memoryLimit = backend.memoryCapacity();
        // bounded pieces scale down with the budget: a piece, sorted, takes several times its own size
        long pieceRows = Math.max(1024, memoryLimit / 96);
        this.options = new EvaluationOptions(Math.min(options.chunkRows(), pieceRows),
                Math.min(options.candidateBudgetRows(), pieceRows));
        this.store = new RelationStore(backend, timer);
        this.runner = new PipelineRunner(backend, store, timer, options);
        for (RelationDecl decl : plan.relations()) {
            store.declare(decl.name(), decl.arity());
        }
    }

    /**
     * Makes the evaluation stop with a CancelledException at the next cancellation point (each stratum,
     * iteration and rule) after the condition holds.
     */
    public void cancelWhen(BooleanSupplier condition) {
        this.cancelled = condition;
        runner.cancelWhen(condition);
    }

    private void checkCancelled(Stratum stratum, int iteration) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("in stratum " + stratum.index() + " (" + String.join(", ", stratum.relations())
                    + "), iteration " + iteration);
        }
    }

    /**
     * Stops the evaluation once relations, indexes and pending candidates hold more than the backend's
     * memory budget, naming the stratum, the largest relations and the sizes reached.
     */
    private void checkMemory(Stratum stratum, Candidates candidates) {
        long pending = candidates.bytes();
        long used = pending;
        List<String> relations = new ArrayList<>();
        for (String relation : store.relations()) {
            used += store.bytes(relation);
            relations.add(relation);
        }
        if (used <= memoryLimit) {
            return;
        }
        relations.sort(java.util.Comparator.comparingLong(store::bytes).reversed());
        StringBuilder largest = new StringBuilder();
        for (String relation : relations.subList(0, Math.min(3, relations.size()))) {
            largest.append(largest.length() == 0 ? "" : ", ").append(String.format("%s %,d tuples (%s)",
                    relation, store.fullSize(relation), Sizes.format(store.bytes(relation))));
        }
        throw new MemoryLimitException(String.format("memory limit of %s reached in stratum %d (%s) after %s: %s; "
                        + "candidates pending %s; raise it with --memory-limit (and the JVM's -Xmx) or give the "
                        + "device more memory", Sizes.format(memoryLimit), stratum.index(),
                String.join(", ", stratum.relations()), Sizes.format(used), largest, Sizes.format(pending)));
    }

    /** Adds facts (any order, duplicates allowed) to a relation before evaluation. */
    public void load(String relation, int[] rowMajor, int rowCount) {
        int arity = store.arity(relation);
        Rows uploaded = timer.time(Operation.TRANSFER, () -> backend.upload(arity, rowMajor, rowCount));
        Rows full = store.full(relation);
        Rows fresh = timer.time(Operation.DEDUPLICATE, () -> backend.sortUniqueDifference(uploaded, full));
        backend.release(uploaded);
        store.addToFull(relation, fresh);
    }

    /** Evaluates every stratum, in order. */
    public EvaluationStats evaluate() {
        start = System.nanoTime();
        timer.drain();
        finished.clear();
        for (Stratum stratum : plan.strata()) {
            finished.add(evaluate(stratum));
        }
        return partialStats();
    }

    /** The statistics of the strata evaluated so far (all of them after evaluate() returns). */
    public EvaluationStats partialStats() {
        return new EvaluationStats(finished, System.nanoTime() - start);
    }

    private StratumStats evaluate(Stratum stratum) {
        long start = System.nanoTime();
        Candidates candidates = new Candidates(backend, store, timer, options.candidateBudgetRows());
        runner.afterEachRule(() -> checkMemory(stratum, candidates));
        int iterations = 1;
        try {
            checkCancelled(stratum, iterations);
            for (RulePlan rule : stratum.initialRules()) {
                runner.run(rule, candidates);
            }
            for (String relation : stratum.relations()) {
                store.addToFull(relation, candidates.takeNew(relation));
            }
            if (stratum.recursive()) {
                stratum.relations().forEach(store::startDelta);
                while (stratum.relations().stream().anyMatch(store::hasNewTuples)) {
                    iterations++;
                    checkCancelled(stratum, iterations);
                    for (RulePlan version : stratum.recursiveVersions()) {
                        runner.run(version, candidates);
                    }
                    for (String relation : stratum.relations()) {
                        store.advance(relation, candidates.takeNew(relation));
                    }
                    checkMemory(stratum, candidates);
                }
            }
            // later strata read each relation of this one as a single sorted set
            stratum.relations().forEach(store::endDelta);
        } finally {
            candidates.clear();
        }
        long tuples = 0;
        for (String relation : stratum.relations()) {
            tuples += store.fullSize(relation);
        }
        return new StratumStats(stratum.index(), stratum.relations(), iterations, candidates.derived(), tuples,
                System.nanoTime() - start, timer.drain());
    }

    /** The full version of a relation after evaluation; owned by the evaluator. */
    public Rows result(String relation) {
        return store.full(relation);
    }

    public Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        runner.close();
        store.close();
    }
}
