// Computes the hidden class relations `r@class(value, class)` of eqrel relations during their stratum's
// evaluation: a union-find per relation takes r's pairs (its full version when the stratum starts, then each
// iteration's new pairs) on the host, and the class relation changes only where a value joined the stratum
// or its class was absorbed: the old rows are deleted, and the new rows are its delta for the next iteration.
// As in Soufflé, a pair whose values are in one class already is not stored: r keeps only the pairs that
// brought a value or joined two classes (at most one per value), which give the same classes when the
// stratum is evaluated again.
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.planner.Stratum;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.LinkedHashMap;
import java.util.Map;

final class EquivalenceClasses {
    /** New pairs are read from the backend in pieces of this many rows. */
    private static final long DOWNLOAD_ROWS = 1 << 20;
    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    /** The union-find of each eqrel relation whose classes the stratum being evaluated computes. */
    private final Map<String, UnionFind> classes = new LinkedHashMap<>();

    EquivalenceClasses(Backend backend, RelationStore store, OperationTimer timer) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
    }

    /** True if the relation is a class relation the stratum computes. */
    static boolean computes(Stratum stratum, String relation) {
        return stratum.classRelations().contains(relation);
    }

    /**
     * Builds each class relation of the stratum from the full version of its eqrel relation, from which it
     * deletes the pairs that add nothing to the classes.
     */
    void start(Stratum stratum) {
        classes.clear();
        for (String classRelation : stratum.classRelations()) {
            String pairsRelation = EquivalenceRelations.ofClassRelation(classRelation);
            UnionFind unionFind = new UnionFind();
            classes.put(pairsRelation, unionFind);
            int[] pairs = timer.time(Operation.TRANSFER, () -> backend.download(store.full(pairsRelation)));
            IntArrayList redundant = new IntArrayList();
            timer.time(Operation.MERGE, () -> {
                unionFind.unionAll(pairs, pairs.length / 2, null, redundant);
                return null;
            });
            Rows gone = sorted(redundant.elements(), redundant.size() / 2);
            try {
                store.remove(pairsRelation, gone);
            } finally {
                backend.release(gone);
            }
            UnionFind.Changes changes = unionFind.takeChanges();
            store.addToFull(classRelation, sorted(changes.added(), changes.addedRows()));
        }
    }

    /**
     * An iteration's new pairs of a relation, to be added to it: for an eqrel relation whose classes the stratum
     * computes, they go into its union-find and only those that add to the classes are kept; others pass as
     * they are. Consumes freshPairs.
     */
    Rows keep(String relation, Rows freshPairs) {
        UnionFind unionFind = classes.get(relation);
        if (unionFind == null || freshPairs.isEmpty()) {
            return freshPairs;
        }
        // in pieces: the new pairs may be many more than the few that are kept
        IntArrayList kept = new IntArrayList();
        try {
            for (long from = 0; from < freshPairs.size(); from += DOWNLOAD_ROWS) {
                long first = from;
                long to = Math.min(freshPairs.size(), from + DOWNLOAD_ROWS);
                int[] pairs = timer.time(Operation.TRANSFER, () -> backend.download(freshPairs, first, to));
                timer.time(Operation.MERGE, () -> {
                    unionFind.unionAll(pairs, pairs.length / 2, kept, null);
                    return null;
                });
            }
        } finally {
            backend.release(freshPairs);
        }
        return sorted(kept.elements(), kept.size() / 2);
    }

    /**
     * After an iteration's relations advanced (their new pairs went through keep): deletes the class rows of the
     * values that changed class, and advances each class relation with their new rows.
     */
    void advance(Stratum stratum) {
        for (String classRelation : stratum.classRelations()) {
            UnionFind.Changes changes = classes.get(EquivalenceRelations.ofClassRelation(classRelation)).takeChanges();
            Rows removed = sorted(changes.removed(), changes.removedRows());
            try {
                store.remove(classRelation, removed);
            } finally {
                backend.release(removed);
            }
            store.advance(classRelation, sorted(changes.added(), changes.addedRows()));
        }
    }

    /** Forgets the union-finds once the stratum is done. */
    void finish() {
        classes.clear();
    }

    private Rows sorted(int[] rowMajor, int rowCount) {
        Rows uploaded = timer.time(Operation.TRANSFER, () -> backend.upload(2, rowMajor, rowCount));
        try {
            return timer.time(Operation.DEDUPLICATE, () -> backend.sortUnique(uploaded));
        } finally {
            backend.release(uploaded);
        }
    }
}
