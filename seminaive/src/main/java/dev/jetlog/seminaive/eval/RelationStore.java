// The versions of every relation in the backend's memory and the HISA indexes built on them. The full
// version is a short list of disjoint sorted tiers, oldest and largest first (an LSM-like layout): the
// new tuples of an iteration become a tier of their own, and a tier is merged into the one before it
// only when it grows to a good fraction of it, so an iteration costs what its delta costs instead of a
// rewrite and reindexing of all of full. Indexes are cached per tier and built once. When a stratum is
// done, its relations are consolidated into one tier, so later strata (negation, aggregates, joins)
// read one sorted set. A merge whose copy the Java heap cannot hold beside its two tiers is put off: the
// tiers stay apart (joins and scans read each); only what needs one sorted set (negation, aggregates,
// output) stops the run when its merge fails too, naming the relation. The delta exists while its
// stratum iterates. During an incremental run, each relation also records the tuples it gains (its
// changes), which later strata read as its DELTA.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class RelationStore implements AutoCloseable {
    /** Rows indexed so far, counted as indexes are built. */
    private long indexedRows;
    /** A tier is merged into the one before it once it holds more than 1/MERGE_RATIO of that one's rows. */
    static final int MERGE_RATIO = 4;
    /** At most this many tiers: beyond, the two newest merge whatever their sizes. */
    static final int MAX_TIERS = 6;

    private static final class State {
        final String name;
        final int arity;
        /** Disjoint sorted row sets, oldest first; together the full version. Owned. */
        final List<Rows> tiers = new ArrayList<>();
        /** Indexes per tier (by identity), built once. */
        final IdentityHashMap<Rows, Map<IndexSpec, Index>> tierIndexes = new IdentityHashMap<>();
        Rows delta;
        /** While changes are tracked (an incremental run): the sorted tuples the relation gained. Owned. */
        Rows changes;
        final Map<IndexSpec, Index> changeIndexes = new HashMap<>();
        /** The tier the delta shares its rows with (then the delta's indexes are that tier's), or null. */
        Rows deltaTier;
        final Map<IndexSpec, Index> deltaIndexes = new HashMap<>();
        /** Rows of the smallest merge the heap refused during the loop: larger ones are not tried again. */
        long refusedMergeRows = Long.MAX_VALUE;

        State(String name, int arity) {
            this.name = name;
            this.arity = arity;
        }
    }

    private final Backend backend;
    private final OperationTimer timer;
    private final Map<String, State> states = new LinkedHashMap<>();
    private boolean tracking;

    RelationStore(Backend backend, OperationTimer timer) {
        this.backend = backend;
        this.timer = timer;
    }

    void declare(String relation, int arity) {
        states.put(relation, new State(relation, arity));
    }

    boolean declares(String relation) {
        return states.containsKey(relation);
    }

    int arity(String relation) {
        return state(relation).arity;
    }

    /** Bytes held for one relation: its tiers, its own delta, and their indexes. */
    long bytes(String relation) {
        State state = state(relation);
        long bytes = 0;
        for (Rows tier : state.tiers) {
            bytes += backend.bytes(tier);
        }
        for (Map<IndexSpec, Index> indexes : state.tierIndexes.values()) {
            for (Index index : indexes.values()) {
                bytes += backend.bytes(index);
            }
        }
        if (state.delta != null && state.deltaTier == null) {
            bytes += backend.bytes(state.delta);
        }
        for (Index index : state.deltaIndexes.values()) {
            bytes += backend.bytes(index);
        }
        if (state.changes != null) {
            bytes += backend.bytes(state.changes);
        }
        return bytes;
    }

    /** Every declared relation, in declaration order. */
    Iterable<String> relations() {
        return states.keySet();
    }

    /** The tiers of the full version, oldest first (none while the relation is empty). */
    List<Rows> fullTiers(String relation) {
        return state(relation).tiers;
    }

    long fullSize(String relation) {
        long size = 0;
        for (Rows tier : state(relation).tiers) {
            size += tier.size();
        }
        return size;
    }

    /** The full version as one sorted row set (its tiers merged first); owned by the store. */
    Rows full(String relation) {
        State state = state(relation);
        consolidate(state, true);
        if (state.tiers.isEmpty()) {
            state.tiers.add(backend.empty(state.arity));
        }
        return state.tiers.get(0);
    }

    /**
     * The row sets a step reads for the reference: the tiers of full, or the delta. For OLD, the tiers but the
     * newest when that one is the delta; else all of full (OLD may read more than it asks, never less).
     */
    List<Rows> rows(RelationRef ref) {
        State state = state(ref.relation());
        if (ref.version() == Version.FULL) {
            return state.tiers;
        }
        if (ref.version() == Version.OLD) {
            int tiers = state.tiers.size();
            boolean deltaIsNewest = tiers > 0 && state.deltaTier != null && state.tiers.get(tiers - 1) == state.deltaTier;
            return deltaIsNewest ? state.tiers.subList(0, tiers - 1) : state.tiers;
        }
        if (state.delta != null) {
            return List.of(state.delta);
        }
        if (state.changes != null) {
            return List.of(state.changes);
        }
        throw new IllegalStateException("no delta of " + ref.relation() + " outside its stratum's loop");
    }

    /** Rows indexed so far (a monotone count: the memory check runs again once enough is new). */
    long indexedRows() {
        return indexedRows;
    }

    /** The index of one of the row sets that rows(ref) gave, built on first use and cached with it. */
    Index index(RelationRef ref, Rows rows, IndexSpec spec) {
        State state = state(ref.relation());
        Rows indexed = indexedRows(state, ref, rows);
        Map<IndexSpec, Index> cache = indexCache(state, ref, indexed, true);
        Index index = cache.get(spec);
        if (index == null) {
            indexedRows += indexed.size();
            index = timer.time(Operation.INDEX, () -> backend.index(indexed, spec));
            cache.put(spec, index);
        }
        return index;
    }

    /** True if index(ref, rows, spec) would find the index built already. */
    boolean hasIndex(RelationRef ref, Rows rows, IndexSpec spec) {
        State state = state(ref.relation());
        Map<IndexSpec, Index> cache = indexCache(state, ref, indexedRows(state, ref, rows), false);
        return cache != null && cache.containsKey(spec);
    }

    /** The rows an index for rows of ref covers: the delta's tier of full while the delta is one. */
    private static Rows indexedRows(State state, RelationRef ref, Rows rows) {
        boolean deltaIsTier = ref.version() == Version.DELTA && state.delta != null && state.deltaTier != null;
        return deltaIsTier ? state.deltaTier : rows;
    }

    /** Where indexes of the given rows of ref are cached (null if none is and create is false). */
    private static Map<IndexSpec, Index> indexCache(State state, RelationRef ref, Rows indexed, boolean create) {
        if (ref.version() == Version.DELTA && state.delta == null) {
            return state.changeIndexes;
        }
        if (ref.version() == Version.DELTA && state.deltaTier == null) {
            return state.deltaIndexes;
        }
        return create ? state.tierIndexes.computeIfAbsent(indexed, t -> new HashMap<>()) : state.tierIndexes.get(indexed);
    }

    /** Adds sorted rows that the full version lacks as a new tier; takes ownership of them. */
    void addToFull(String relation, Rows sortedNew) {
        State state = state(relation);
        if (sortedNew.isEmpty()) {
            backend.release(sortedNew);
            return;
        }
        recordChange(state, sortedNew);
        appendTier(state, sortedNew, false);
    }

    /**
     * Deletes sorted tuples from the relation's full version and from its delta (subsumption). Tiers that hold
     * none of them, and their indexes, stay as they are.
     */
    void remove(String relation, Rows sortedGone) {
        State state = state(relation);
        if (sortedGone.isEmpty()) {
            return;
        }
        Rows keptDelta = state.delta == null ? null
                : timer.time(Operation.MERGE, () -> backend.difference(state.delta, sortedGone));
        if (keptDelta != null && keptDelta.size() == state.delta.size()) {
            backend.release(keptDelta); // the delta loses nothing: it keeps its rows and indexes
            keptDelta = null;
        }
        for (int i = 0; i < state.tiers.size(); i++) {
            Rows tier = state.tiers.get(i);
            Rows kept = timer.time(Operation.MERGE, () -> backend.difference(tier, sortedGone));
            if (kept.size() == tier.size()) {
                backend.release(kept);
                continue;
            }
            releaseTierIndexes(state, tier);
            if (tier == state.deltaTier) {
                releaseIndexes(state.deltaIndexes);
                backend.release(state.delta);
                state.delta = null;
                state.deltaTier = null;
            }
            backend.release(tier);
            state.tiers.set(i, kept);
        }
        state.tiers.removeIf(tier -> {
            if (tier.isEmpty()) {
                backend.release(tier);
                return true;
            }
            return false;
        });
        if (keptDelta != null) {
            dropDelta(state);
            state.delta = keptDelta;
        }
    }

    // ---- incremental runs ------------------------------------------------------------------------

    /** From now on, every relation records the tuples it gains (its changes), until stopTracking. */
    void startTracking() {
        tracking = true;
    }

    /** Forgets every relation's changes and stops recording them. */
    void stopTracking() {
        tracking = false;
        for (State state : states.values()) {
            dropChanges(state);
        }
    }

    /** True if the relation gained tuples since tracking started. */
    boolean hasChanges(String relation) {
        Rows changes = state(relation).changes;
        return changes != null && !changes.isEmpty();
    }

    /** Starts a stratum's incremental loop: the relation's delta is what it gained so far (a copy). */
    void startDeltaFromChanges(String relation) {
        State state = state(relation);
        dropDelta(state);
        state.delta = state.changes == null ? backend.empty(state.arity) : backend.concat(List.of(state.changes));
    }

    /** Drops the relation's tuples, indexes and changes: it starts over empty. */
    void clear(String relation) {
        dropAll(state(relation));
    }

    /** Releases everything the relation holds. */
    private void dropAll(State state) {
        dropDelta(state);
        dropChanges(state);
        state.tierIndexes.values().forEach(this::releaseIndexes);
        state.tierIndexes.clear();
        state.tiers.forEach(backend::release);
        state.tiers.clear();
    }

    private void recordChange(State state, Rows sortedNew) {
        if (!tracking) {
            return;
        }
        releaseIndexes(state.changeIndexes);
        // sortedNew is disjoint from full, so from the changes so far: merge keeps it the caller's
        state.changes = state.changes == null ? backend.concat(List.of(sortedNew))
                : timer.time(Operation.MERGE, () -> backend.merge(state.changes, sortedNew));
    }

    private void dropChanges(State state) {
        releaseIndexes(state.changeIndexes);
        if (state.changes != null) {
            backend.release(state.changes);
            state.changes = null;
        }
    }

    /**
     * Appends a tier and merges tiers as the policy says. When keepNewest is set and the new rows are
     * merged away, they are not released: the caller keeps them. Returns true if they stay a tier.
     */
    private boolean appendTier(State state, Rows newest, boolean keepNewest) {
        state.tiers.add(newest);
        boolean standing = true;
        while (state.tiers.size() >= 2) {
            int last = state.tiers.size() - 1;
            Rows older = state.tiers.get(last - 1);
            Rows newer = state.tiers.get(last);
            boolean tooMany = state.tiers.size() > MAX_TIERS;
            if (!tooMany && newer.size() * MERGE_RATIO < older.size()
                    || older.size() + newer.size() >= state.refusedMergeRows) {
                break;
            }
            Rows merged = mergeIfItFits(state, older, newer, false);
            if (merged == null) {
                // keep them apart, and try no merge as large again in this loop
                state.refusedMergeRows = older.size() + newer.size();
                break;
            }
            state.tiers.remove(last);
            state.tiers.set(last - 1, merged);
            if (newer == newest) {
                standing = false;
                if (!keepNewest) {
                    backend.release(newer);
                }
            } else {
                backend.release(newer);
            }
        }
        return standing;
    }

    /**
     * Merges the relation's tiers into one, before a stratum that reads it starts: a relation that a
     * stratum reads from below must not change shape while the stratum's pipelines run over its tiers.
     * Tiers the heap cannot merge stay apart (nothing appends to them in that stratum).
     */
    void consolidate(String relation) {
        consolidate(state(relation), false);
    }

    /**
     * Merges all tiers of the relation into one. Where the Java heap cannot hold a merge, the tiers stay
     * apart, unless one sorted set is required: then the run stops, naming the relation.
     */
    private void consolidate(State state, boolean required) {
        while (state.tiers.size() > 1) {
            int last = state.tiers.size() - 1;
            Rows older = state.tiers.get(last - 1);
            Rows newer = state.tiers.get(last);
            if (newer == state.deltaTier || older == state.deltaTier) {
                throw new IllegalStateException("cannot consolidate a relation while its delta is in use");
            }
            Rows merged = mergeIfItFits(state, older, newer, true);
            if (merged == null) {
                if (!required) {
                    return; // joins and scans read the tiers; what needs one sorted set merges them then
                }
                throw new MemoryLimitException(String.format("out of memory merging the %d tiers of %s into one "
                        + "(%,d and %,d tuples of %d columns; Java heap limit %s); run java with a larger -Xmx",
                        state.tiers.size(), state.name, older.size(), newer.size(), state.arity,
                        Sizes.format(Runtime.getRuntime().maxMemory())));
            }
            backend.release(newer);
            state.tiers.remove(last);
            state.tiers.set(last - 1, merged);
        }
    }

    /**
     * Merges two adjacent tiers (their indexes released first); null, with both tiers as they were, where
     * the Java heap cannot hold the merged copy beside them. A consolidating merge (the last into its result)
     * leaves the backend no reason to keep room for growth.
     */
    /**
     * Releases the indexes cached for a tier. Most relations index no tier at all: an empty cache is not
     * asked, since asking hashes the tier by identity, and a new object's first identity hash costs an
     * atomic update of its header (JVM_IHashCode and FastHashCode were 4% of the main thread's samples over
     * two million one-row iterations).
     */
    private void releaseTierIndexes(State state, Rows tier) {
        if (!state.tierIndexes.isEmpty()) {
            releaseIndexes(state.tierIndexes.remove(tier));
        }
    }

    private Rows mergeIfItFits(State state, Rows older, Rows newer, boolean consolidating) {
        releaseTierIndexes(state, older);
        releaseTierIndexes(state, newer);
        try {
            return timer.time(Operation.MERGE,
                    () -> consolidating ? backend.mergeFinal(older, newer) : backend.merge(older, newer));
        } catch (OutOfMemoryError e) {
            return null;
        }
    }

    /** Starts a stratum's loop: every tuple known so far counts as new (the delta shares full's rows). */
    void startDelta(String relation) {
        State state = state(relation);
        Rows full = full(relation);
        state.delta = backend.share(full);
        state.deltaTier = full;
    }

    /** Ends an iteration: the new tuples (owned from now on) become the delta and a tier of full. */
    void advance(String relation, Rows sortedNew) {
        State state = state(relation);
        dropDelta(state);
        if (sortedNew.isEmpty()) {
            state.delta = sortedNew;
            return;
        }
        recordChange(state, sortedNew);
        if (appendTier(state, sortedNew, true)) {
            state.delta = backend.share(sortedNew);
            state.deltaTier = sortedNew;
        } else {
            state.delta = sortedNew;
        }
    }

    /** The size of the relation's delta (the tuples its last iteration found), 0 outside its loop. */
    long newTuples(String relation) {
        Rows delta = state(relation).delta;
        return delta == null ? 0 : delta.size();
    }

    boolean hasNewTuples(String relation) {
        Rows delta = state(relation).delta;
        return delta != null && !delta.isEmpty();
    }

    /** Ends a stratum's loop for the relation: no delta any more, and full in one tier. */
    void endDelta(String relation) {
        State state = state(relation);
        dropDelta(state);
        consolidate(state, false);
        state.refusedMergeRows = Long.MAX_VALUE;
    }

    private void dropDelta(State state) {
        releaseIndexes(state.deltaIndexes);
        if (state.delta != null) {
            backend.release(state.delta);
            state.delta = null;
        }
        state.deltaTier = null;
    }

    private void releaseIndexes(Map<IndexSpec, Index> cache) {
        if (cache == null || cache.isEmpty()) {
            return; // (an empty map's iterator is still an allocation, once per relation per iteration)
        }
        for (Index index : cache.values()) {
            backend.release(index);
        }
        cache.clear();
    }

    private State state(String relation) {
        State state = states.get(relation);
        if (state == null) {
            throw new IllegalArgumentException("unknown relation " + relation);
        }
        return state;
    }

    @Override
    public void close() {
        for (State state : states.values()) {
            dropAll(state);
        }
        states.clear();
    }
}
