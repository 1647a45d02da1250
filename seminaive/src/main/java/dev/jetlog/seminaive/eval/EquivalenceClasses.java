// Computes the hidden class relations `r@class(value, class)` of eqrel relations during their stratum's
// evaluation: a union-find per relation takes r's pairs (its full version when the stratum starts, then each
// iteration's new pairs) on the host, and the class relation changes only where a value joined the stratum
// or its class was absorbed: the old rows are deleted, and the new rows are its delta for the next iteration.
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.EquivalenceRelations;
import dev.jetlog.planner.Stratum;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.LinkedHashMap;
import java.util.Map;

final class EquivalenceClasses {
    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    /** The union-find of each class relation of the stratum being evaluated. */
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

    /** Builds each class relation of the stratum from the full version of its eqrel relation. */
    void start(Stratum stratum) {
        classes.clear();
        for (String classRelation : stratum.classRelations()) {
            UnionFind unionFind = new UnionFind();
            classes.put(classRelation, unionFind);
            Rows pairs = store.full(EquivalenceRelations.ofClassRelation(classRelation));
            UnionFind.Changes changes = union(unionFind, pairs);
            store.addToFull(classRelation, sorted(changes.added(), changes.addedRows()));
        }
    }

    /**
     * After an iteration's other relations advanced: unions each eqrel relation's new pairs (its delta), deletes
     * the class rows of the values that changed class, and advances the class relation with their new rows.
     */
    void advance(Stratum stratum) {
        for (String classRelation : stratum.classRelations()) {
            String pairsRelation = EquivalenceRelations.ofClassRelation(classRelation);
            Rows newPairs = store.rows(new RelationRef(pairsRelation, Version.DELTA)).get(0);
            UnionFind.Changes changes = union(classes.get(classRelation), newPairs);
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

    private UnionFind.Changes union(UnionFind unionFind, Rows pairs) {
        int[] rows = timer.time(Operation.TRANSFER, () -> backend.download(pairs));
        return timer.time(Operation.MERGE, () -> {
            unionFind.unionAll(rows, rows.length / 2);
            return unionFind.takeChanges();
        });
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
