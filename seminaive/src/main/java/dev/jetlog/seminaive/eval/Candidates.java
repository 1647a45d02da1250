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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class Candidates {
    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    private final long budgetRows;
    private final Map<String, List<Rows>> parts = new HashMap<>();
    private final Map<String, Long> pendingRows = new HashMap<>();
    private long derived;
    /** Per relation, the pending size that triggers the next compaction. */
    private final Map<String, Long> compactAt = new HashMap<>();
    /** Per relation filtered by a dense set: the set (owned), which also records the new tuples. */
    private final Map<String, DenseSet> denseSets = new HashMap<>();
    /**
     * The relations whose dense set gained rows since they were last taken: a set that gained none has
     * none to give, and asking it would scan its record of added rows for nothing, once per iteration.
     */
    private final Set<String> gainedRows = new HashSet<>();
    /** Per relation, the rows that took the sort-and-difference path since the count last restarted. */
    private final Map<String, Long> sortedRows = new HashMap<>();
    /** Per relation whose last dense set did not fit: the size of full to wait for before the next try. */
    private final Map<String, Long> noDenseSetBelow = new HashMap<>();

    Candidates(Backend backend, RelationStore store, OperationTimer timer, long budgetRows) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        this.budgetRows = budgetRows;
    }

    /**
     * From now on, drops the relation's derived tuples that the set holds, and adds the others to it. The
     * set must hold the relation's full version (inside its box); the candidates own it from now on.
     */
    void filterWith(String relation, DenseSet set) {
        DenseSet old = denseSets.put(relation, set);
        if (old != null) {
            backend.release(old);
        }
    }

    /** Rows derived for the relation that took the sort-and-difference path since the count last restarted. */
    long sortedRows(String relation) {
        return sortedRows.getOrDefault(relation, 0L);
    }

    void restartSortedCount(String relation) {
        sortedRows.remove(relation);
    }

    /** The size of full below which the relation is not to be given a dense set (0: no bound). */
    long noDenseSetBelow(String relation) {
        return noDenseSetBelow.getOrDefault(relation, 0L);
    }

    void noDenseSetBelow(String relation, long fullSize) {
        noDenseSetBelow.put(relation, fullSize);
    }

    /** The relation's dense set, or null if it has none. */
    DenseSet denseSet(String relation) {
        return denseSets.get(relation);
    }

    /** Takes ownership of rows derived for the relation, whether or not it returns normally. */
    void add(String relation, Rows rows) {
        DenseSet set = denseSets.get(relation);
        if (set != null && !rows.isEmpty()) {
            AbsentRows split;
            try {
                split = timer.time(Operation.DEDUPLICATE, () -> backend.addAbsent(set, rows));
            } finally {
                backend.release(rows);
            }
            addFiltered(relation, split);
            return;
        }
        derived += rows.size();
        addUnfiltered(relation, rows);
    }

    /** Takes ownership of what filtering the relation's derived rows through its dense set left over. */
    void addFiltered(String relation, AbsentRows split) {
        derived += split.derived();
        if (split.added() > 0) {
            gainedRows.add(relation);
        }
        addUnfiltered(relation, split.outside());
    }

    private void addUnfiltered(String relation, Rows rows) {
        if (rows.isEmpty()) {
            backend.release(rows);
            return;
        }
        parts.computeIfAbsent(relation, r -> new ArrayList<>()).add(rows);
        sortedRows.merge(relation, (long) rows.size(), Long::sum);
        long pending = pendingRows.merge(relation, rows.size(), Long::sum);
        if (pending > compactAt.getOrDefault(relation, budgetRows) && parts.get(relation).size() > 1) {
            Rows compacted = compact(relation);
            parts.get(relation).add(compacted);
            pendingRows.put(relation, compacted.size());
            // new tuples that survive compaction stay pending: wait until the candidates have grown by
            // the budget (and at least doubled) again, so compactions cost amortised linear time
            compactAt.put(relation, Math.max(budgetRows, 2 * compacted.size()) + compacted.size());
        }
    }

    /** The sorted tuples derived for the relation that its full version lacks; clears them here. */
    Rows takeNew(String relation) {
        Rows outside = null;
        if (parts.containsKey(relation)) {
            outside = compact(relation);
            parts.remove(relation);
            pendingRows.remove(relation);
            compactAt.remove(relation);
        }
        DenseSet set = denseSets.get(relation);
        if (set == null || !gainedRows.remove(relation)) {
            return outside != null ? outside : backend.empty(store.arity(relation));
        }
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

    private Rows compact(String relation) {
        List<Rows> list = parts.get(relation);
        List<Rows> tiers = store.fullTiers(relation);
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
        for (DenseSet set : denseSets.values()) {
            bytes += backend.bytes(set);
        }
        return bytes;
    }

    /** Bytes of the pending candidates (before they are compacted, which takes a few times as much again). */
    long pendingBytes() {
        return bytesOf(backend, parts.values());
    }

    /** Bytes of every row set in the lists. */
    static long bytesOf(Backend backend, Collection<List<Rows>> lists) {
        long bytes = 0;
        for (List<Rows> list : lists) {
            for (Rows rows : list) {
                bytes += backend.bytes(rows);
            }
        }
        return bytes;
    }

    /** The relation with the most pending candidate rows, or null when none are pending. */
    String mostPending() {
        String most = null;
        for (Map.Entry<String, Long> entry : pendingRows.entrySet()) {
            if (most == null || entry.getValue() > pendingRows.get(most)) {
                most = entry.getKey();
            }
        }
        return most;
    }

    /** Rows pending for the relation. */
    long pending(String relation) {
        return pendingRows.getOrDefault(relation, 0L);
    }

    /** How many candidate tuples the rules derived so far, duplicates included. */
    long derived() {
        return derived;
    }

    /** Releases whatever is still pending (after a failure), and the dense sets. */
    void clear() {
        parts.values().forEach(list -> list.forEach(backend::release));
        parts.clear();
        denseSets.values().forEach(backend::release);
        denseSets.clear();
        gainedRows.clear();
        pendingRows.clear();
        compactAt.clear();
        sortedRows.clear();
        noDenseSetBelow.clear();
    }
}
