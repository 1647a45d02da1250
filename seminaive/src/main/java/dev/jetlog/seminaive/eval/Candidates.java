// The tuples the rules of one iteration derive for each relation, kept in bounded memory: when a
// relation's pending candidates exceed the budget, they are sorted, deduplicated and stripped of
// tuples already known, so only new tuples accumulate. A relation with a dense set (its full version
// and this loop's new tuples, one bit per possible tuple) drops known tuples as they arrive instead;
// only the tuples outside the set's box take the sort-and-difference path.
package dev.jetlog.seminaive.eval;

import dev.jetlog.seminaive.spi.AbsentRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.DenseSet;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class Candidates {
    /** What the candidates hold for one relation: one lookup per call instead of one per field. */
    private static final class PerRelation {
        final String name;
        /** The derived rows not yet compacted (null when none are pending), and how many rows they hold. */
        List<Rows> parts;
        long pendingRows;
        /** The pending size that triggers the next compaction (0: the budget). */
        long compactAt;
        /** The dense set filtering the relation (owned), which also records the new tuples; or null. */
        DenseSet denseSet;
        /**
         * Whether the dense set gained rows since they were last taken: a set that gained none has none to
         * give, and asking it would scan its record of added rows for nothing, once per iteration.
         */
        boolean denseSetGained;
        /** The rows that took the sort-and-difference path since the count last restarted. */
        long sortedRows;
        /** After a dense set did not fit: the size of full to wait for before the next try (0: none). */
        long noDenseSetBelow;

        PerRelation(String name) {
            this.name = name;
        }
    }

    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    private final long budgetRows;
    private final Map<String, PerRelation> relations = new HashMap<>();
    private long derived;

    Candidates(Backend backend, RelationStore store, OperationTimer timer, long budgetRows) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        this.budgetRows = budgetRows;
    }

    private PerRelation of(String relation) {
        PerRelation state = relations.get(relation);
        if (state == null) {
            state = new PerRelation(relation);
            relations.put(relation, state);
        }
        return state;
    }

    /**
     * From now on, drops the relation's derived tuples that the set holds, and adds the others to it. The
     * set must hold the relation's full version (inside its box); the candidates own it from now on.
     */
    void filterWith(String relation, DenseSet set) {
        PerRelation state = of(relation);
        DenseSet old = state.denseSet;
        state.denseSet = set;
        if (old != null) {
            backend.release(old);
        }
    }

    /** Rows derived for the relation that took the sort-and-difference path since the count last restarted. */
    long sortedRows(String relation) {
        PerRelation state = relations.get(relation);
        return state == null ? 0 : state.sortedRows;
    }

    void restartSortedCount(String relation) {
        of(relation).sortedRows = 0;
    }

    /** The size of full below which the relation is not to be given a dense set (0: no bound). */
    long noDenseSetBelow(String relation) {
        PerRelation state = relations.get(relation);
        return state == null ? 0 : state.noDenseSetBelow;
    }

    void noDenseSetBelow(String relation, long fullSize) {
        of(relation).noDenseSetBelow = fullSize;
    }

    /** The relation's dense set, or null if it has none. */
    DenseSet denseSet(String relation) {
        PerRelation state = relations.get(relation);
        return state == null ? null : state.denseSet;
    }

    /** Takes ownership of rows derived for the relation, whether or not it returns normally. */
    void add(String relation, Rows rows) {
        PerRelation state = of(relation);
        DenseSet set = state.denseSet;
        if (set != null && !rows.isEmpty()) {
            AbsentRows split;
            try {
                split = timer.time(Operation.DEDUPLICATE, () -> backend.addAbsent(set, rows));
            } finally {
                backend.release(rows);
            }
            addFiltered(state, split);
            return;
        }
        derived += rows.size();
        addUnfiltered(state, rows);
    }

    /** Takes ownership of what filtering the relation's derived rows through its dense set left over. */
    void addFiltered(String relation, AbsentRows split) {
        addFiltered(of(relation), split);
    }

    private void addFiltered(PerRelation state, AbsentRows split) {
        derived += split.derived();
        if (split.added() > 0) {
            state.denseSetGained = true;
        }
        addUnfiltered(state, split.outside());
    }

    private void addUnfiltered(PerRelation state, Rows rows) {
        if (rows.isEmpty()) {
            backend.release(rows);
            return;
        }
        if (state.parts == null) {
            state.parts = new ArrayList<>();
        }
        state.parts.add(rows);
        state.sortedRows += rows.size();
        state.pendingRows += rows.size();
        long compactAt = state.compactAt == 0 ? budgetRows : state.compactAt;
        if (state.pendingRows > compactAt && state.parts.size() > 1) {
            Rows compacted = compact(state);
            state.parts.add(compacted);
            state.pendingRows = compacted.size();
            // new tuples that survive compaction stay pending: wait until the candidates have grown by
            // the budget (and at least doubled) again, so compactions cost amortised linear time
            state.compactAt = Math.max(budgetRows, 2 * compacted.size()) + compacted.size();
        }
    }

    /** The sorted tuples derived for the relation that its full version lacks; clears them here. */
    Rows takeNew(String relation) {
        PerRelation state = relations.get(relation);
        if (state == null) {
            return backend.empty(store.arity(relation));
        }
        Rows outside = null;
        if (state.parts != null) {
            outside = compact(state);
            state.parts = null;
            state.pendingRows = 0;
            state.compactAt = 0;
        }
        DenseSet set = state.denseSet;
        if (set == null || !state.denseSetGained) {
            return outside != null ? outside : backend.empty(store.arity(relation));
        }
        state.denseSetGained = false;
        // the set recorded each new tuple inside its box once, and gives them sorted
        Rows added = timer.time(Operation.DEDUPLICATE, () -> backend.takeAdded(set));
        if (outside == null) {
            return added;
        }
        // inside and outside the set's box: disjoint
        Rows outsideRows = outside;
        Rows merged = timer.time(Operation.DEDUPLICATE, () -> backend.merge(added, outsideRows));
        backend.release(outside);
        return merged;
    }

    private Rows compact(PerRelation state) {
        List<Rows> list = state.parts;
        List<Rows> tiers = store.fullTiers(state.name);
        Rows fresh;
        try {
            // the parts are sorted where they lie: no copy of all the candidates into one array
            fresh = timer.time(Operation.DEDUPLICATE, () -> tiers.isEmpty() ? backend.sortUnique(list)
                    : backend.sortUniqueDifference(list, tiers.get(0)));
        } finally {
            list.forEach(backend::release);
            list.clear();
        }
        for (int i = 1; i < tiers.size(); i++) {
            Rows tier = tiers.get(i);
            Rows known = fresh;
            fresh = timer.time(Operation.DEDUPLICATE, () -> backend.difference(known, tier));
            backend.release(known);
        }
        return fresh;
    }

    /** Bytes of the dense sets. */
    long denseSetBytes() {
        long bytes = 0;
        for (PerRelation state : relations.values()) {
            if (state.denseSet != null) {
                bytes += backend.bytes(state.denseSet);
            }
        }
        return bytes;
    }

    /** Bytes of the pending candidates (before they are compacted, which takes a few times as much again). */
    long pendingBytes() {
        long bytes = 0;
        for (PerRelation state : relations.values()) {
            if (state.parts != null) {
                bytes += bytesOf(backend, state.parts);
            }
        }
        return bytes;
    }

    /** Bytes of every row set in the lists. */
    static long bytesOf(Backend backend, Collection<List<Rows>> lists) {
        long bytes = 0;
        for (List<Rows> list : lists) {
            bytes += bytesOf(backend, list);
        }
        return bytes;
    }

    /** Bytes of the row sets. */
    private static long bytesOf(Backend backend, List<Rows> rows) {
        long bytes = 0;
        for (Rows part : rows) {
            bytes += backend.bytes(part);
        }
        return bytes;
    }

    /** The relation with the most pending candidate rows, or null when none are pending. */
    String mostPending() {
        String most = null;
        long mostRows = -1;
        for (Map.Entry<String, PerRelation> entry : relations.entrySet()) {
            PerRelation state = entry.getValue();
            if (state.parts != null && state.pendingRows > mostRows) {
                most = entry.getKey();
                mostRows = state.pendingRows;
            }
        }
        return most;
    }

    /** Rows pending for the relation. */
    long pending(String relation) {
        PerRelation state = relations.get(relation);
        return state == null ? 0 : state.pendingRows;
    }

    /** How many candidate tuples the rules derived so far, duplicates included. */
    long derived() {
        return derived;
    }

    /** Releases whatever is still pending (after a failure), and the dense sets. */
    void clear() {
        for (PerRelation state : relations.values()) {
            if (state.parts != null) {
                state.parts.forEach(backend::release);
            }
            if (state.denseSet != null) {
                backend.release(state.denseSet);
            }
        }
        relations.clear();
    }
}
