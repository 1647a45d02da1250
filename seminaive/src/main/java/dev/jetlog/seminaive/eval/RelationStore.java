// The versions of every relation in the backend's memory (full always; delta while its stratum
// iterates) and the HISA indexes built on them, cached until the version they index changes.
package dev.jetlog.seminaive.eval;

import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

final class RelationStore implements AutoCloseable {
    private static final class State {
        final int arity;
        Rows full;
        Rows delta;
        /** True while delta is a share of full (the first iteration): they have the same indexes. */
        boolean deltaIsFull;
        final Map<IndexSpec, Index> fullIndexes = new HashMap<>();
        final Map<IndexSpec, Index> deltaIndexes = new HashMap<>();

        State(int arity, Rows full) {
            this.arity = arity;
            this.full = full;
        }
    }

    private final Backend backend;
    private final OperationTimer timer;
    private final Map<String, State> states = new LinkedHashMap<>();

    RelationStore(Backend backend, OperationTimer timer) {
        this.backend = backend;
        this.timer = timer;
    }

    void declare(String relation, int arity) {
        states.put(relation, new State(arity, backend.empty(arity)));
    }

    int arity(String relation) {
        return state(relation).arity;
    }

    Rows full(String relation) {
        return state(relation).full;
    }

    Rows rows(RelationRef ref) {
        State state = state(ref.relation());
        Rows rows = ref.version() == Version.FULL ? state.full : state.delta;
        if (rows == null) {
            throw new IllegalStateException("no delta of " + ref.relation() + " outside its stratum's loop");
        }
        return rows;
    }

    Index index(RelationRef ref, IndexSpec spec) {
        State state = state(ref.relation());
        Map<IndexSpec, Index> cache = ref.version() == Version.FULL || state.deltaIsFull
                ? state.fullIndexes : state.deltaIndexes;
        Index index = cache.get(spec);
        if (index == null) {
            Rows rows = rows(ref);
            index = timer.time(Operation.INDEX, () -> backend.index(rows, spec));
            cache.put(spec, index);
        }
        return index;
    }

    /** Adds sorted rows that are not yet in the relation's full version. */
    void addToFull(String relation, Rows sortedNew) {
        State state = state(relation);
        releaseIndexes(state.fullIndexes);
        Rows full = state.full;
        state.full = timer.time(Operation.MERGE, () -> backend.merge(full, sortedNew));
    }

    /** Starts a stratum's loop: every tuple known so far counts as new (delta shares full's rows). */
    void startDelta(String relation) {
        State state = state(relation);
        state.delta = backend.share(state.full);
        state.deltaIsFull = true;
    }

    /** Ends an iteration: the new tuples become the delta and join the full version. */
    void advance(String relation, Rows sortedNew) {
        State state = state(relation);
        releaseIndexes(state.deltaIndexes);
        if (state.delta != null) {
            backend.release(state.delta);
        }
        state.deltaIsFull = false;
        addToFull(relation, sortedNew);
        state.delta = sortedNew;
    }

    boolean hasNewTuples(String relation) {
        Rows delta = state(relation).delta;
        return delta != null && !delta.isEmpty();
    }

    void endDelta(String relation) {
        State state = state(relation);
        releaseIndexes(state.deltaIndexes);
        if (state.delta != null) {
            backend.release(state.delta);
            state.delta = null;
        }
        state.deltaIsFull = false;
    }

    private void releaseIndexes(Map<IndexSpec, Index> cache) {
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
            releaseIndexes(state.fullIndexes);
            releaseIndexes(state.deltaIndexes);
            if (state.delta != null) {
                backend.release(state.delta);
            }
            backend.release(state.full);
        }
        states.clear();
    }
}
