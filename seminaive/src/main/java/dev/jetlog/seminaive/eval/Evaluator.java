// The semi-naive fixpoint driver: evaluates a plan's strata in order on a backend. A stratum runs
// its initial rules once; a recursive stratum then repeats its delta rule versions, each iteration
// turning the candidates into new tuples (sort-unique, difference with full) that become the next
// delta and a new tier of full, until no relation of the stratum gains a tuple. The class relations of
// eqrel relations are computed by EquivalenceClasses within that loop; the strata that only hold eqrel
// closures nobody else reads run when a closure is read (an output, the API), not before.
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.parser.Subsumption;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.ColumnDomains;
import dev.jetlog.planner.Plan;
import dev.jetlog.planner.RulePlan;
import dev.jetlog.planner.Stratum;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.DenseSet;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

public final class Evaluator implements AutoCloseable {
    /** Pending candidates cost this many times their own size while they are compacted. */
    private static final long COMPACTION_COPIES = 3;
    /** A dense set may take this share (1/n) of the memory budget ... */
    private static final long DENSE_SET_SHARE = 16;
    /** ... and at most this many bytes. */
    private static final long MAX_DENSE_SET_BYTES = 512L << 20;
    /**
     * Within those, a dense set takes at most this many bytes per tuple of full (two bits a cell: a box at
     * least 1/256 full) ...
     */
    private static final long DENSE_SET_BYTES_PER_ROW = 64;
    /** ... or this many bytes, whichever is more. */
    private static final long DENSE_SET_MIN_BYTES = 16L << 20;
    private final Plan plan;
    private final Backend backend;
    private final EvaluationOptions options;
    private final long memoryLimit;
    /** Rows derived or indexed after which the memory limit is checked again (a small share of the limit). */
    private final long memoryCheckRows;
    /** The candidates and the rows derived or indexed at the last memory check. */
    private Candidates checkedCandidates;
    private long checkedWork;
    private final OperationTimer timer;
    private final RelationStore store;
    private final ChoiceDomains choices;
    private final EquivalenceClasses equivalences;
    /** Per eqrel relation, its closure relation: what reading the eqrel relation gives. */
    private final Map<String, String> closures = new HashMap<>();
    /** The on-demand strata not evaluated since the last evaluation, by relation. */
    private final Map<String, Stratum> onDemand = new HashMap<>();
    /** `.limitsize` per relation that has one. */
    private final Map<String, Long> sizeLimits = new HashMap<>();
    private final PipelineRunner runner;
    /** The values relation columns can take, which dense sets span. */
    private final DomainValues domainValues;
    private final DeltaDebugRecorder deltaDebugs;
    /** Told the iteration number (0 for a stratum's first pass, then 1, 2, ...) as each pass begins. */
    private IntConsumer iterationStarts = iteration -> { };
    private BooleanSupplier cancelled = () -> false;
    private Progress progress = (stratum, relations, iteration, newTuples, elapsed) -> { };

    /** Told when an iteration of a stratum ends. */
    @FunctionalInterface
    public interface Progress {
        void iterationDone(int stratum, List<String> relations, int iteration, long newTuples, long elapsedNanos);
    }
    private final List<StratumStats> finished = new ArrayList<>();
    /** Prepared lookup joins, by index and relation. */
    private final Map<String, Prepared<JoinStep>> lookups = new HashMap<>();
    private long start = System.nanoTime();

    public Evaluator(Plan plan, Backend backend, EvaluationOptions options) {
        this.plan = plan;
        this.backend = backend;
        this.memoryLimit = backend.memoryCapacity();
        this.memoryCheckRows = Math.max(1024, memoryLimit / 4096);
        // bounded pieces scale down with the budget: a piece, sorted, takes several times its own size
        long pieceRows = Math.max(1024, memoryLimit / 96);
        long chunkRows = options.chunkRows() == EvaluationOptions.BACKEND_SLICE ? backend.sliceRows() : options.chunkRows();
        this.options = new EvaluationOptions(Math.max(1, Math.min(chunkRows, pieceRows)),
                Math.min(options.candidateBudgetRows(), pieceRows), options.lazyDenseSetRows(), options.timeOperations());
        this.timer = new OperationTimer(options.timeOperations());
        this.store = new RelationStore(backend, timer);
        this.runner = new PipelineRunner(backend, store, timer, this.options);
        this.domainValues = new DomainValues(ColumnDomains.of(plan), store, backend);
        this.deltaDebugs = new DeltaDebugRecorder(plan.relations(), backend, store, timer);
        for (RelationDecl decl : plan.relations()) {
            store.declare(decl.name(), decl.arity());
        }
        this.choices = new ChoiceDomains(plan.relations(), backend);
        this.equivalences = new EquivalenceClasses(backend, store, timer);
        for (RelationDecl decl : plan.relations()) {
            if (decl.sizeLimit() > 0) {
                sizeLimits.put(decl.name(), decl.sizeLimit());
            }
            String eqrel = EquivalenceRelations.ofClosureRelation(decl.name());
            if (eqrel != null) {
                closures.put(eqrel, decl.name());
            }
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

    /**
     * Tells the listener the number of each pass of a stratum as it begins: 0 for the first one (facts and
     * non-recursive rules), then 1, 2, ... for the iterations of its loop, as recursive_iteration_cnt() counts.
     */
    public void onIterationStart(IntConsumer listener) {
        this.iterationStarts = listener;
    }

    /** Reports the end of every iteration to the callback. */
    public void reportProgress(Progress callback) {
        this.progress = callback;
    }

    private void reportIteration(Stratum stratum, int iteration) {
        long tuples = 0;
        for (String relation : stratum.relations()) {
            tuples += store.newTuples(relation);
        }
        progress.iterationDone(stratum.index(), stratum.relations(), iteration, tuples, System.nanoTime() - start);
    }

    private void checkCancelled(Stratum stratum, int iteration) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("in stratum " + stratum.index() + " (" + String.join(", ", stratum.relations())
                    + "), iteration " + iteration);
        }
    }

    /**
     * Stops the evaluation once relations, indexes, pending candidates (at the cost of compacting them) and
     * rows recorded for debug_delta relations hold more than the backend's memory budget, naming the stratum, the largest relations and the sizes
     * reached.
     */
    private void checkMemory(Stratum stratum, Candidates candidates) {
        // what can grow between two checks comes from rows derived or indexed since the last one: wait until
        // enough are new (a small share of the limit) before summing every relation, index and candidate again;
        // a stratum's first check always runs
        long work = candidates.derived() + store.indexedRows();
        if (candidates == checkedCandidates && work - checkedWork < memoryCheckRows) {
            return;
        }
        checkedCandidates = candidates;
        checkedWork = work;
        long pending = candidates.pendingBytes();
        // pending candidates are counted at what compacting them takes: themselves, their concatenation (or
        // their packed sort keys) and the sorted new tuples, so that the compaction never outgrows the heap
        long used = candidates.denseSetBytes() + COMPACTION_COPIES * pending + deltaDebugs.recordedBytes();
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
        String most = candidates.mostPending();
        String pendingText = most == null ? Sizes.format(pending) : String.format("%s, most of them for %s (%,d rows)",
                Sizes.format(pending), most, candidates.pending(most));
        long recorded = deltaDebugs.recordedBytes();
        if (recorded > 0) {
            pendingText += "; rows recorded for debug_delta relations " + Sizes.format(recorded);
        }
        throw new MemoryLimitException(String.format("memory limit of %s reached in stratum %d (%s) after %s: %s; "
                        + "candidates pending %s; raise it with --memory-limit (and the JVM's -Xmx) or give the "
                        + "device more memory", Sizes.format(memoryLimit), stratum.index(),
                String.join(", ", stratum.relations()), Sizes.format(used), largest, pendingText));
    }

    /** Adds facts (any order, duplicates allowed) to a relation before evaluation. */
    public void load(String relation, int[] rowMajor, int rowCount) {
        int arity = store.arity(relation);
        Rows uploaded = timer.time(Operation.TRANSFER, () -> backend.upload(arity, rowMajor, rowCount));
        Rows full = store.full(relation);
        Rows fresh = timer.time(Operation.DEDUPLICATE, () -> backend.sortUniqueDifference(uploaded, full));
        backend.release(uploaded);
        store.addToFull(relation, choices.choose(relation, fresh));
    }

    /** Evaluates every stratum, in order. */
    public EvaluationStats evaluate() {
        start = System.nanoTime();
        timer.drain();
        runner.drainRuleStats();
        finished.clear();
        onDemand.clear();
        for (Stratum stratum : plan.strata()) {
            if (stratum.onDemand()) {
                stratum.relations().forEach(relation -> onDemand.put(relation, stratum));
            } else {
                finished.add(evaluate(stratum));
            }
        }
        return partialStats();
    }

    /**
     * Continues from the fixpoint of the last evaluation after facts were added (load). A stratum whose
     * inputs did not change is skipped; one that reads a changed relation only positively evaluates just
     * the consequences of the new tuples (they are the first delta); one that negates or aggregates over a
     * changed relation, or reads a recomputed one, is cleared, reloaded from its facts and evaluated from
     * scratch, and so are the strata that depend on it. The result is the one a fresh evaluation gives.
     * @param reloadFacts loads (with load) all the facts of a relation, for a stratum that is recomputed
     * @param added the relations that load gave new tuples since startIncrementalRun
     */
    public EvaluationStats evaluateIncrementally(Consumer<String> reloadFacts, Set<String> added) {
        start = System.nanoTime();
        timer.drain();
        runner.drainRuleStats();
        finished.clear();
        Set<String> changed = new HashSet<>();
        added.stream().filter(store::hasChanges).forEach(changed::add);
        Set<String> replaced = new HashSet<>();
        try {
            onDemand.clear();
            for (Stratum stratum : plan.strata()) {
                if (stratum.onDemand()) {
                    // nothing reads it but the user: it is evaluated afresh when read
                    stratum.relations().forEach(store::clear);
                    stratum.relations().forEach(relation -> onDemand.put(relation, stratum));
                    continue;
                }
                boolean touched = changed.stream().anyMatch(r -> stratum.reads().contains(r)
                        || stratum.relations().contains(r));
                boolean recompute = replaced.stream().anyMatch(r -> stratum.reads().contains(r)
                        || stratum.readsNonMonotonically().contains(r))
                        || changed.stream().anyMatch(stratum.readsNonMonotonically()::contains)
                        || touched && stratum.incrementalVersions() == null;
                if (recompute) {
                    for (String relation : stratum.relations()) {
                        store.clear(relation);
                        choices.clear(relation);
                        reloadFacts.accept(relation);
                    }
                    finished.add(evaluate(stratum));
                    replaced.addAll(stratum.relations());
                } else if (touched) {
                    finished.add(evaluateChanges(stratum, changed));
                    stratum.relations().stream().filter(store::hasChanges).forEach(changed::add);
                }
            }
        } finally {
            store.stopTracking();
        }
        return partialStats();
    }

    /** Records, from now on, the tuples every relation gains (before loading the new facts). */
    public void startIncrementalRun() {
        store.startTracking();
    }

    /** Evaluates the consequences of the new tuples of changed relations in one stratum. */
    private StratumStats evaluateChanges(Stratum stratum, Set<String> changed) {
        long start = System.nanoTime();
        Candidates candidates = begin(stratum);
        int iterations = 1;
        try {
            checkCancelled(stratum, iterations);
            iterationStarts.accept(0);
            for (RulePlan version : stratum.incrementalVersions()) {
                Atom atom = (Atom) version.rule().body().get(version.deltaAtom());
                if (changed.contains(atom.relation()) && store.hasChanges(atom.relation())) {
                    runner.run(version, candidates);
                }
            }
            if (stratum.recursive()) {
                // the stratum's own new facts are a delta too
                stratum.relations().forEach(store::startDeltaFromChanges);
                for (RulePlan version : stratum.recursiveVersions()) {
                    runner.run(version, candidates);
                }
                for (String relation : stratum.relations()) {
                    store.advance(relation, choices.choose(relation, candidates.takeNew(relation)));
                }
                iterations = iterate(stratum, candidates, iterations);
            } else {
                addNewToFull(stratum, candidates);
            }
            stratum.relations().forEach(store::endDelta);
        } finally {
            candidates.clear();
        }
        return stats(stratum, start, iterations, candidates);
    }

    /**
     * Runs the recursive versions until no relation of the stratum has a delta; returns the iteration
     * count so far. Each iteration's new tuples become the next delta and a tier of full.
     */
    private int iterate(Stratum stratum, Candidates candidates, int iterations) {
        while (anyHasNewTuples(stratum)) {
            iterations++;
            checkCancelled(stratum, iterations);
            iterationStarts.accept(iterations - 1);
            for (RulePlan version : stratum.recursiveVersions()) {
                runner.run(version, candidates);
            }
            if (sizeLimitReached(stratum)) {
                // as in Soufflé, the iteration that finds a relation at its .limitsize is not merged
                for (String relation : stratum.relations()) {
                    backend.release(candidates.takeNew(relation));
                    store.advance(relation, backend.empty(store.arity(relation)));
                }
                break;
            }
            for (String relation : stratum.relations()) {
                if (!EquivalenceClasses.computes(stratum, relation)) {
                    store.advance(relation, equivalences.keep(relation,
                            choices.choose(relation, candidates.takeNew(relation))));
                }
            }
            deleteDominated(stratum, stratum.subsumptionVersions(), candidates);
            deltaDebugs.recordIteration(stratum, iterations - 1);
            equivalences.advance(stratum);
            refreshDenseSets(stratum, candidates);
            reportIteration(stratum, iterations);
            checkMemory(stratum, candidates);
        }
        return iterations;
    }

    /** True if a relation of the stratum holds at least its `.limitsize`: the stratum's loop ends. */
    /** Whether a relation of the stratum gained tuples in the last iteration (checked once per iteration). */
    private boolean anyHasNewTuples(Stratum stratum) {
        for (String relation : stratum.relations()) {
            if (store.hasNewTuples(relation)) {
                return true;
            }
        }
        return false;
    }

    private boolean sizeLimitReached(Stratum stratum) {
        if (sizeLimits.isEmpty()) {
            return false;
        }
        for (String relation : stratum.relations()) {
            long limit = sizeLimits.getOrDefault(relation, 0L);
            if (limit > 0 && store.fullSize(relation) >= limit) {
                return true;
            }
        }
        return false;
    }

    private StratumStats stats(Stratum stratum, long start, int iterations, Candidates candidates) {
        long tuples = 0;
        for (String relation : stratum.relations()) {
            tuples += store.fullSize(relation);
        }
        return new StratumStats(stratum.index(), stratum.relations(), iterations, candidates.derived(), tuples,
                System.nanoTime() - start, timer.drain(), runner.drainRuleStats());
    }

    /** The statistics of the strata evaluated so far (all of them after evaluate() returns). */
    public EvaluationStats partialStats() {
        return new EvaluationStats(finished, System.nanoTime() - start);
    }

    /** Consolidates the relations of earlier strata (and inputs) that the stratum reads into one tier each. */
    private void consolidateInputs(Stratum stratum) {
        stratum.reads().forEach(store::consolidate);
        stratum.readsNonMonotonically().forEach(store::consolidate);
    }

    /** Readies a stratum's evaluation: its inputs consolidated, fresh candidates watched by the memory check. */
    private Candidates begin(Stratum stratum) {
        consolidateInputs(stratum);
        Candidates candidates = new Candidates(backend, store, timer, options.candidateBudgetRows());
        runner.checkMemoryWith(() -> checkMemory(stratum, candidates));
        return candidates;
    }

    /** Adds each relation's new tuples (after its choice domains) to its full version. */
    private void addNewToFull(Stratum stratum, Candidates candidates) {
        for (String relation : stratum.relations()) {
            store.addToFull(relation, choices.choose(relation, candidates.takeNew(relation)));
        }
    }

    /**
     * Subsumption: runs the rules that find dominated tuples (all of them, or those involving the iteration's
     * new tuples as DELTA) and deletes what they find from each relation's full version and delta.
     */
    private void deleteDominated(Stratum stratum, List<RulePlan> rules, Candidates candidates) {
        if (rules.isEmpty()) {
            return;
        }
        for (RulePlan rule : rules) {
            runner.run(rule, candidates);
        }
        for (String relation : stratum.relations()) {
            String hidden = Subsumption.dominatedRelation(relation);
            if (rules.stream().noneMatch(rule -> rule.headRelation().equals(hidden))) {
                continue;
            }
            Rows dominated = candidates.takeNew(hidden);
            try {
                store.remove(relation, dominated);
            } finally {
                backend.release(dominated);
            }
        }
    }

    /**
     * Gives each relation of a recursive stratum a dense set of its tuples where the backend can hold one
     * within what its full version may have (denseSetBytes(full)): its box covers the column values of the
     * full version so far, and the candidates drop known tuples as the rules derive them. A box too sparse
     * for the rows so far is left to refreshDenseSets, which makes it once the relation has grown into it
     * (SG on TG.cedge: an 83 MB set for 23,108 rows at the start, 608,090 at the end, was slower than none).
     */
    private void filterWithDenseSets(Stratum stratum, Candidates candidates) {
        for (String relation : stratum.relations()) {
            if (!mayHaveDenseSet(stratum, relation)) {
                continue;
            }
            boolean empty = store.fullSize(relation) == 0;
            // a relation with rows gets a set over them; an empty one, over the values the rules bound its
            // columns to (the domains widen a set made again because rows fell outside it)
            if ((!empty || domainValues.knownAhead(relation)) && !buildDenseSet(stratum, relation,
                    denseSetBytes(store.fullSize(relation)), empty, candidates)) {
                candidates.noDenseSetBelow(relation, 4 * store.fullSize(relation));
            }
        }
    }

    /**
     * Between iterations: gives a relation a dense set, or a new one over its values now, once the rows
     * that took the sort-and-difference path since its set was made (or since the loop began, for one
     * without a set, such as a relation that was empty then) reach half its full version, and at least
     * the options' lazyDenseSetRows, within denseSetBytes(full), so that a small relation never gets a big box.
     * Each attempt restarts the count, so the rebuilds cost at most a constant times the rows the sort path
     * took; after a failed one (no box fits) the next waits until full has grown fourfold.
     */
    private void refreshDenseSets(Stratum stratum, Candidates candidates) {
        for (String relation : stratum.relations()) {
            long sorted = candidates.sortedRows(relation);
            long full = store.fullSize(relation);
            if (sorted < Math.max(options.lazyDenseSetRows(), full / 2) || full == 0
                    || full < candidates.noDenseSetBelow(relation) || !mayHaveDenseSet(stratum, relation)) {
                continue;
            }
            candidates.restartSortedCount(relation);
            if (!buildDenseSet(stratum, relation, denseSetBytes(full), true, candidates)) {
                candidates.noDenseSetBelow(relation, 4 * full);
            }
        }
    }

    /**
     * The most bytes a dense set of a relation whose full version has fullRows may take:
     * DENSE_SET_BYTES_PER_ROW a row (or DENSE_SET_MIN_BYTES), within a share of the budget.
     */
    private long denseSetBytes(long fullRows) {
        return denseSetBytes(fullRows, memoryLimit);
    }

    /** denseSetBytes for a memory budget of memoryLimit bytes. */
    static long denseSetBytes(long fullRows, long memoryLimit) {
        long cap = Math.min(memoryLimit / DENSE_SET_SHARE, MAX_DENSE_SET_BYTES);
        long perRow = fullRows > Long.MAX_VALUE / DENSE_SET_BYTES_PER_ROW
                ? Long.MAX_VALUE : DENSE_SET_BYTES_PER_ROW * fullRows;
        return Math.min(cap, Math.max(DENSE_SET_MIN_BYTES, perRow));
    }

    /**
     * Not for relations whose new tuples may still be dropped later (choice domains, `.limitsize`) or
     * deleted (subsumption), which the set would wrongly count as known, nor for eqrel closures.
     */
    private boolean mayHaveDenseSet(Stratum stratum, String relation) {
        return !choices.has(relation) && !sizeLimits.containsKey(relation) && !stratum.subsumes()
                && !EquivalenceClasses.computes(stratum, relation);
    }

    /**
     * Makes a dense set of the relation's full version (replacing its old one), over a box that also spans
     * its columns' domains where asked and where that fits, if one fits in maxBytes; true if it did.
     */
    private boolean buildDenseSet(Stratum stratum, String relation, long maxBytes, boolean overDomains,
                                  Candidates candidates) {
        List<Rows> tiers = store.fullTiers(relation);
        DenseSet set = timer.time(Operation.DEDUPLICATE, () -> {
            int[][] columnValues = overDomains ? domainValues.of(stratum, relation, maxBytes) : null;
            if (tiers.isEmpty() && columnValues == null) {
                return null; // neither rows nor known values: nothing to span a box
            }
            Rows none = tiers.isEmpty() ? backend.empty(store.arity(relation)) : null;
            try {
                return backend.denseSet(none == null ? tiers : List.of(none), columnValues, maxBytes);
            } finally {
                if (none != null) {
                    backend.release(none);
                }
            }
        });
        if (set == null) {
            return false;
        }
        candidates.filterWith(relation, set);
        return true;
    }

    private StratumStats evaluate(Stratum stratum) {
        long start = System.nanoTime();
        Candidates candidates = begin(stratum);
        int iterations = 1;
        try {
            checkCancelled(stratum, iterations);
            iterationStarts.accept(0);
            for (RulePlan rule : stratum.initialRules()) {
                runner.run(rule, candidates);
            }
            addNewToFull(stratum, candidates);
            deleteDominated(stratum, stratum.subsumptionRules(), candidates);
            equivalences.start(stratum);
            deltaDebugs.recordFirstPass(stratum);
            if (stratum.recursive()) {
                stratum.relations().forEach(store::startDelta);
                filterWithDenseSets(stratum, candidates);
                iterations = iterate(stratum, candidates, iterations);
            }
            // later strata read each relation of this one as a single sorted set
            stratum.relations().forEach(store::endDelta);
            deltaDebugs.finish(stratum);
        } finally {
            candidates.clear();
            equivalences.finish();
            deltaDebugs.clear();
        }
        return stats(stratum, start, iterations, candidates);
    }

    /**
     * The relation that holds what reading the relation gives: itself, or for an eqrel relation its closure,
     * evaluated now if it was not yet.
     */
    private String readable(String relation) {
        String stored = closures.getOrDefault(relation, relation);
        Stratum pending = onDemand.get(stored);
        if (pending != null) {
            long pairs = equivalencePairs(relation);
            // the pairs, and as much again while they are sorted
            long bytes = pairs * 2 * Integer.BYTES * 2;
            if (bytes > memoryLimit) {
                throw new MemoryLimitException(String.format("memory limit of %s reached: the eqrel relation %s "
                                + "holds %,d pairs (%s), which are made only to be read, and do not fit; read its "
                                + "classes through a relation that joins it, or raise the limit with --memory-limit "
                                + "(and the JVM's -Xmx)", Sizes.format(memoryLimit), relation, pairs,
                        Sizes.format(bytes / 2)));
            }
            pending.relations().forEach(onDemand::remove);
            evaluate(pending);
        }
        return stored;
    }

    /** The number of pairs of an eqrel relation: the sum over its classes of their sizes squared. */
    private long equivalencePairs(String relation) {
        int[] rows = backend.download(store.full(EquivalenceRelations.classRelation(relation)));
        Int2IntOpenHashMap sizes = new Int2IntOpenHashMap();
        for (int r = 1; r < rows.length; r += 2) {
            sizes.addTo(rows[r], 1);
        }
        long pairs = 0;
        for (int size : sizes.values()) {
            pairs += (long) size * size;
        }
        return pairs;
    }

    /**
     * The number of tuples reading the relation gives; for an eqrel relation whose pairs were not made, counted
     * from its classes without making them.
     */
    public long size(String relation) {
        String closure = closures.get(relation);
        if (closure != null && onDemand.containsKey(closure)) {
            return equivalencePairs(relation);
        }
        return store.fullSize(readable(relation)); // the tiers' sizes: counting needs no merge of them
    }

    /**
     * The tuples of a relation (after evaluation) whose given columns hold the given values, found through
     * a HISA index on those columns (built on first use and kept); the caller releases the result.
     */
    public Rows lookup(String queried, int[] columns, int[] values) {
        String relation = readable(queried);
        int arity = store.arity(relation);
        Rows full = store.full(relation);
        int[] order = new int[arity];
        boolean[] bound = new boolean[arity];
        for (int i = 0; i < columns.length; i++) {
            order[i] = columns[i];
            bound[columns[i]] = true;
        }
        for (int c = 0, next = columns.length; c < arity; c++) {
            if (!bound[c]) {
                order[next++] = c;
            }
        }
        IndexSpec spec = new IndexSpec(order, columns.length);
        RelationRef ref = new RelationRef(relation, Version.FULL);
        Index index = store.index(ref, full, spec);
        List<Expr> key = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            key.add(new ColumnRef(Side.INPUT, i));
        }
        List<Expr> output = new ArrayList<>();
        for (int c = 0; c < arity; c++) {
            output.add(new ColumnRef(Side.TUPLE, c));
        }
        Prepared<JoinStep> step = lookups.computeIfAbsent(spec.toString() + "@" + relation,
                k -> backend.prepare(JoinStep.of(columns.length, ref, spec, key, List.of(), output)));
        Rows input = backend.upload(columns.length, values, 1);
        try {
            return backend.join(step, input, index);
        } finally {
            backend.release(input);
        }
    }

    /** The full version of a relation after evaluation; owned by the evaluator. */
    public Rows result(String relation) {
        return store.full(readable(relation));
    }

    public Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        lookups.values().forEach(backend::release);
        lookups.clear();
        runner.close();
        store.close();
    }
}
