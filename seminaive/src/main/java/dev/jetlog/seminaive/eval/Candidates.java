// The tuples the rules of one iteration derive for each relation, kept in bounded memory: when a
// relation's pending candidates exceed the budget, they are sorted, deduplicated and stripped of
// tuples already known, so only new tuples accumulate.
package dev.jetlog.seminaive.eval;

import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    Candidates(Backend backend, RelationStore store, OperationTimer timer, long budgetRows) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        this.budgetRows = budgetRows;
    }

    /** Takes ownership of rows derived for the relation. */
    void add(String relation, Rows rows) {
        derived += rows.size();
        if (rows.isEmpty()) {
            backend.release(rows);
            return;
        }
        parts.computeIfAbsent(relation, r -> new ArrayList<>()).add(rows);
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
        if (!parts.containsKey(relation)) {
            return backend.empty(store.arity(relation));
        }
        Rows result = compact(relation);
        parts.remove(relation);
        pendingRows.remove(relation);
        compactAt.remove(relation);
        return result;
    }

    private Rows compact(String relation) {
        List<Rows> list = parts.get(relation);
        Rows all = list.size() == 1 ? list.get(0) : timer.time(Operation.DEDUPLICATE, () -> backend.concat(list));
        if (list.size() > 1) {
            list.forEach(backend::release);
        }
        list.clear();
        List<Rows> tiers = store.fullTiers(relation);
        Rows fresh = timer.time(Operation.DEDUPLICATE, () -> tiers.isEmpty() ? backend.sortUnique(all)
                : backend.sortUniqueDifference(all, tiers.get(0)));
        backend.release(all);
        for (int i = 1; i < tiers.size(); i++) {
            Rows tier = tiers.get(i);
            Rows known = fresh;
            fresh = timer.time(Operation.DEDUPLICATE, () -> backend.difference(known, tier));
            backend.release(known);
        }
        return fresh;
    }

    /** Bytes of the pending candidates. */
    long bytes() {
        long bytes = 0;
        for (List<Rows> list : parts.values()) {
            for (Rows rows : list) {
                bytes += backend.bytes(rows);
            }
        }
        return bytes;
    }

    /** Rows pending for the relation. */
    long pending(String relation) {
        return pendingRows.getOrDefault(relation, 0L);
    }

    /** How many candidate tuples the rules derived so far, duplicates included. */
    long derived() {
        return derived;
    }

    /** Releases whatever is still pending (after a failure). */
    void clear() {
        parts.values().forEach(list -> list.forEach(backend::release));
        parts.clear();
        pendingRows.clear();
        compactAt.clear();
    }
}
