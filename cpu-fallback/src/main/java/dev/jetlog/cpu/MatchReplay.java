// The matches one input row found through a join and the join after it into a dense set, kept so that the
// following input rows that differ from it only in columns the joins merely carry to the output reuse them
// instead of looking them up again.
package dev.jetlog.cpu;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * In {@code varPointsTo(to, h) :- load(to, base, f), varPointsTo(base, heap), fieldPointsTo(heap, f, h)}
 * run over new fieldPointsTo rows (heap, f, h), h only rides along: every row of one (heap, f) finds the
 * same loads of f and the same bases pointing to heap. The new rows come sorted, so the rows of one
 * (heap, f) are consecutive, and all but the first replay its matches with their own h (points-to on 300
 * methods: 225 rows per (heap, f) pair over the run, 9 million lookups in that rule).
 *
 * <p>Per chunk of input rows: {@link #decidedLikeLast} tells whether a row equals the row whose matches
 * are recorded on every deciding column (the first join's key, and the input columns the second join's
 * key reads through the first join's output); if so, {@link #carryInto} rewrites each recorded middle row's
 * carried columns from the new row, and the second join's known slot is probed again.
 */
final class MatchReplay {
    /** Recorded matches of one row at most; a row with more is not replayed (its followers look up again). */
    static final int MAX_MATCHES = 1 << 14;

    /**
     * Which input columns decide the matches (compared between rows), and which columns of the first join's
     * output are copied from the other, carried, input columns.
     */
    record Shape(int[] deciding, int[] carriedMiddle, int[] carriedInput, int middleWidth) {
    }

    private final Shape shape;
    /** Recorded middle rows, middleWidth ints each, and the second join's slot for each. */
    private int[] rows;
    private int[] slots;
    private int size;
    /** Where the row whose matches are recorded starts in the input, or -1 when nothing can be replayed. */
    private int recordedBase = -1;

    MatchReplay(Shape shape) {
        this.shape = shape;
        this.rows = new int[16 * Math.max(1, shape.middleWidth())];
        this.slots = new int[16];
    }

    /**
     * The shape of replays for first followed by next, or null where nothing can be replayed: either join
     * filters (a filter may read any column), computes its key, or the first computes an output column,
     * or every input column decides.
     */
    static Shape shapeOf(JoinOperator first, JoinOperator next, int inputWidth) {
        int[] firstKey = first.keyInputColumns();
        int[] nextKey = next.keyInputColumns();
        Projection middle = first.projection();
        if (first.filters() || next.filters() || firstKey == null || nextKey == null || !middle.copiesOnly()) {
            return null;
        }
        BitSet deciding = new BitSet(inputWidth);
        for (int column : firstKey) {
            deciding.set(column);
        }
        for (int middleColumn : nextKey) {
            if (middle.fromInput(middleColumn)) {
                deciding.set(middle.column(middleColumn));
            }
        }
        if (deciding.cardinality() == inputWidth) {
            return null;
        }
        int[] carriedMiddle = IntStream.range(0, middle.width())
                .filter(m -> middle.fromInput(m) && !deciding.get(middle.column(m))).toArray();
        int[] carriedInput = Arrays.stream(carriedMiddle).map(middle::column).toArray();
        return new Shape(deciding.stream().toArray(), carriedMiddle, carriedInput, middle.width());
    }

    /** True if the input row at in[inBase..] equals the recorded row on every deciding column. */
    boolean decidedLikeLast(int[] in, int inBase) {
        if (recordedBase < 0) {
            return false;
        }
        for (int column : shape.deciding()) {
            if (in[recordedBase + column] != in[inBase + column]) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the recorded matches: the row at inBase is looked up, and its matches recorded. */
    void restart(int inBase) {
        size = 0;
        recordedBase = inBase;
    }

    /** Records a middle row (the first join's output) and the slot it matched in the second join. */
    void record(int[] middle, int slot) {
        if (recordedBase < 0) {
            return;
        }
        if (size == MAX_MATCHES) {
            recordedBase = -1; // too many to keep: the rows after it look up again
            return;
        }
        int width = shape.middleWidth();
        if ((size + 1) * width > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, (size + 1) * width));
        }
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, 2 * size);
        }
        System.arraycopy(middle, 0, rows, size * width, width);
        slots[size++] = slot;
    }

    int size() {
        return recordedBase < 0 ? 0 : size;
    }

    int[] rows() {
        return rows;
    }

    int slot(int match) {
        return slots[match];
    }

    /** Rewrites recorded match's carried columns from the input row at in[inBase..]; returns where it starts in rows(). */
    int carryInto(int match, int[] in, int inBase) {
        int base = match * shape.middleWidth();
        int[] carriedMiddle = shape.carriedMiddle();
        int[] carriedInput = shape.carriedInput();
        for (int c = 0; c < carriedMiddle.length; c++) {
            rows[base + carriedMiddle[c]] = in[inBase + carriedInput[c]];
        }
        return base;
    }
}
