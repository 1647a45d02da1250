// The CPU backend's indexes are built when first needed: a join of few input rows against many rows reads
// an index over just the rows its keys match (a few times, then the index is built in full), with the
// same output as through the full index; readyIndex builds it ahead for a join of many rows, and for a
// row set too small to bother.
package dev.jetlog.cpu;

import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.planner.ir.Binary;
import dev.jetlog.planner.ir.ColumnRef;
import dev.jetlog.planner.ir.Constant;
import dev.jetlog.planner.ir.Filter;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.RelationRef;
import dev.jetlog.planner.ir.Side;
import dev.jetlog.planner.ir.ValueType;
import dev.jetlog.planner.ir.Version;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyIndexTest {
    private static final RelationRef REL = new RelationRef("r", Version.FULL);
    /** Looked up by its second column (order [1, 0]), as an OLD read of a relation's reverse often is. */
    private static final IndexSpec BY_SECOND = new IndexSpec(new int[] {1, 0}, 1);

    private final CpuBackend backend = new CpuBackend(2);

    @AfterEach
    void close() {
        backend.close();
    }

    /** 20,000 rows (x, x % 500): each second-column value in 40 rows. */
    private Rows relation() {
        int[] data = new int[40_000];
        for (int x = 0; x < 20_000; x++) {
            data[2 * x] = x;
            data[2 * x + 1] = x % 500;
        }
        return backend.sortUnique(backend.upload(2, data, 20_000));
    }

    /** out(in0, t0) for each input row (in0) and tuple with t1 == in0. */
    private Prepared<JoinStep> join() {
        return backend.prepare(JoinStep.of(1, REL, BY_SECOND, List.of(new ColumnRef(Side.INPUT, 0)), List.of(),
                List.of(new ColumnRef(Side.INPUT, 0), new ColumnRef(Side.TUPLE, 0))));
    }

    private List<String> rowsOf(Rows rows) {
        int[] data = backend.download(rows);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < data.length; i += 2) {
            out.add(data[i] + "," + data[i + 1]);
        }
        out.sort(null);
        return out;
    }

    @Test
    void aFewLookupsReadAnIndexOverTheirRowsUntilTheFullOneIsCheaper() {
        Rows relation = relation();
        Prepared<JoinStep> join = join();
        // the same keys through an index built in full: what every join below must give
        Index built = backend.index(relation, BY_SECOND);
        backend.readyIndex(built, Long.MAX_VALUE);
        assertTrue(((CpuIndex) built).built());
        Index lazy = backend.index(relation, BY_SECOND);
        assertFalse(((CpuIndex) lazy).built(), "no index is built before an operator needs it");
        for (int round = 0; round < CpuIndex.PASSES_BEFORE_BUILD + 1; round++) {
            // 3 keys (one of them twice, one that no row holds): far fewer rows than a sixteenth of 20,000
            Rows input = backend.upload(1, new int[] {7 + round, 499, 7 + round, 600}, 4);
            backend.readyIndex(lazy, input.size());
            assertEquals(round == CpuIndex.PASSES_BEFORE_BUILD, ((CpuIndex) lazy).built(),
                    "built in full only after " + CpuIndex.PASSES_BEFORE_BUILD + " joins over some rows");
            List<String> throughSome = rowsOf(backend.join(join, input, lazy));
            assertEquals(rowsOf(backend.join(join, input, built)), throughSome, "round " + round);
            assertEquals(2 * 40 + 40, throughSome.size(), "a key twice in the input matches twice");
        }
    }

    @Test
    void anIndexOverSomeRowsHoldsTheComputedKeysOfTheRowsThatPassTheInputFilter() {
        Rows relation = relation();
        // key in0 + 1, for input rows with in0 < 300 only
        Prepared<JoinStep> join = backend.prepare(JoinStep.of(1, REL, BY_SECOND,
                List.of(new Binary(BinaryOp.ADD, ValueType.SIGNED, new ColumnRef(Side.INPUT, 0), new Constant(1))),
                List.of(new Filter(CompareOp.LT, ValueType.SIGNED, new ColumnRef(Side.INPUT, 0), new Constant(300))),
                List.of(new ColumnRef(Side.INPUT, 0), new ColumnRef(Side.TUPLE, 0))));
        Index built = backend.index(relation, BY_SECOND);
        backend.readyIndex(built, Long.MAX_VALUE);
        Index lazy = backend.index(relation, BY_SECOND);
        Rows input = backend.upload(1, new int[] {5, 299, 300, 450, 5}, 5);
        backend.readyIndex(lazy, input.size());
        List<String> throughSome = rowsOf(backend.join(join, input, lazy));
        assertFalse(((CpuIndex) lazy).built());
        assertEquals(rowsOf(backend.join(join, input, built)), throughSome);
        assertEquals(3 * 40, throughSome.size(), "keys 6, 300 and 6 again; 300 and 450 fail the filter");
    }

    @Test
    void aJoinOfManyRowsGetsTheFullIndexAhead() {
        Rows relation = relation();
        Index lazy = backend.index(relation, BY_SECOND);
        int[] keys = new int[2_000];
        Arrays.setAll(keys, i -> i % 700);
        Rows input = backend.upload(1, keys, keys.length);
        backend.readyIndex(lazy, input.size());
        assertTrue(((CpuIndex) lazy).built(), "2,000 lookups in 20,000 rows: built ahead");
        Index small = backend.index(backend.sortUnique(backend.upload(2, new int[] {1, 2, 3, 4}, 2)), BY_SECOND);
        backend.readyIndex(small, 1);
        assertTrue(((CpuIndex) small).built(), "a few rows: built at once, however few the lookups");
        // 1,500 of the keys are below 500, each in 40 rows
        assertEquals(60_000, rowsOf(backend.join(join(), input, lazy)).size());
    }
}
