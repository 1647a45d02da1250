// Fills each `d = debug_delta(r)` relation as r's stratum is evaluated, as Soufflé does: r's tuples after the
// stratum's first pass (facts and non-recursive rules) with iteration 0, then the new tuples of each
// iteration of the stratum's loop with that iteration's number; d takes them all when the stratum ends.
// A scan step that copies r's columns and adds the iteration as a constant makes the rows, on any backend.
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.planner.Stratum;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Expr;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class DeltaDebugRecorder {
    private final Backend backend;
    private final RelationStore store;
    private final OperationTimer timer;
    /** The debug relations of each relation that has any. */
    private final Map<String, List<String>> debugOf = new HashMap<>();
    /** Per debug relation, the rows recorded so far in the running stratum. */
    private final Map<String, List<Rows>> recorded = new HashMap<>();

    DeltaDebugRecorder(List<RelationDecl> relations, Backend backend, RelationStore store, OperationTimer timer) {
        this.backend = backend;
        this.store = store;
        this.timer = timer;
        for (RelationDecl decl : relations) {
            if (decl.isDeltaDebug()) {
                debugOf.computeIfAbsent(decl.deltaOf(), r -> new ArrayList<>()).add(decl.name());
            }
        }
    }

    /** After the stratum's first pass: every tuple of its recorded relations, at iteration 0. */
    void recordFirstPass(Stratum stratum) {
        record(stratum, Version.FULL, 0);
    }

    /** After an iteration of the stratum's loop made its new tuples the deltas: those, at that iteration. */
    void recordIteration(Stratum stratum, int iteration) {
        record(stratum, Version.DELTA, iteration);
    }

    private void record(Stratum stratum, Version version, int iteration) {
        for (String relation : stratum.relations()) {
            List<String> debugs = debugOf.get(relation);
            if (debugs == null) {
                continue;
            }
            RelationRef ref = new RelationRef(relation, version);
            int arity = store.arity(relation);
            List<Expr> output = new ArrayList<>();
            for (int c = 0; c < arity; c++) {
                output.add(new ColumnRef(Side.TUPLE, c));
            }
            output.add(new Constant(iteration));
            ScanStep step = ScanStep.of(ref, arity, List.of(), output);
            Prepared<ScanStep> ready = backend.prepare(step);
            try {
                for (Rows rows : store.rows(ref)) {
                    if (!rows.isEmpty()) {
                        // each debug relation of r owns its rows (two of one relation are each scanned)
                        for (String debug : debugs) {
                            Rows numbered = timer.time(Operation.JOIN,
                                    () -> backend.scan(ready, store.index(ref, rows, step.order())));
                            recorded.computeIfAbsent(debug, d -> new ArrayList<>()).add(numbered);
                        }
                    }
                }
            } finally {
                backend.release(ready);
            }
        }
    }

    /** When the stratum ends: each of its debug relations takes the rows recorded for it. */
    void finish(Stratum stratum) {
        for (String relation : stratum.relations()) {
            List<Rows> parts = recorded.remove(relation);
            if (parts == null) {
                continue;
            }
            Rows all = backend.concat(parts);
            parts.forEach(backend::release);
            Rows sorted = timer.time(Operation.DEDUPLICATE, () -> backend.sortUnique(all));
            backend.release(all);
            store.addToFull(relation, sorted);
        }
    }

    /** Bytes of the rows recorded so far in the running stratum (the memory budget counts them). */
    long recordedBytes() {
        return Candidates.bytesOf(backend, recorded.values());
    }

    /** Releases what a failed stratum recorded. */
    void clear() {
        recorded.values().forEach(parts -> parts.forEach(backend::release));
        recorded.clear();
    }
}
