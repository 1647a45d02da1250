// Packs a row into one long whose unsigned order is the row's order over a chosen column order:
// each column is stored as (value - column minimum) in just as many bits as its range needs, the
// first column of the order in the most significant bits. Most relations fit in 64 bits this way.
package dev.jetlog.hisa;

public final class KeyPacking {
    private final int arity;
    private final int[] order;
    private final int[] minimum;
    private final int[] width;
    private final int bits;
    /** For two-column orders (the common case), the fields the fast path reads. */
    private final int first;
    private final int second;
    private final long firstMinimum;
    private final long secondMinimum;
    private final int secondWidth;

    private KeyPacking(int arity, int[] order, int[] minimum, int[] width) {
        this.arity = arity;
        this.order = order;
        this.minimum = minimum;
        this.width = width;
        int total = 0;
        for (int w : width) {
            total += w;
        }
        this.bits = total;
        boolean pair = order.length == 2;
        this.first = pair ? order[0] : -1;
        this.second = pair ? order[1] : -1;
        this.firstMinimum = pair ? minimum[0] : 0;
        this.secondMinimum = pair ? minimum[1] : 0;
        this.secondWidth = pair ? width[1] : 0;
    }

    /**
     * The packing for rows whose columns, taken in the given order, range over [minimum[i], maximum[i]]
     * (any minimum > maximum, as for no rows, packs that column in zero bits).
     */
    public static KeyPacking ofRanges(int arity, int[] order, int[] minimum, int[] maximum) {
        int[] low = new int[order.length];
        int[] width = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            if (minimum[i] > maximum[i]) {
                continue;
            }
            low[i] = minimum[i];
            width[i] = 64 - Long.numberOfLeadingZeros((long) maximum[i] - minimum[i]);
        }
        return new KeyPacking(arity, order.clone(), low, width);
    }

    /** Total bits of a packed key. */
    public int bits() {
        return bits;
    }

    /** True if a packed key plus extraBits more bits fit in a long. */
    public boolean fits(int extraBits) {
        return bits + extraBits <= 64;
    }

    /** The packed key of row `row` of data (an array of this packing's arity). */
    public long pack(int[] data, int row) {
        int base = row * arity;
        if (first >= 0) {
            return ((data[base + first] - firstMinimum) << secondWidth) | (data[base + second] - secondMinimum);
        }
        long key = 0;
        for (int i = 0; i < order.length; i++) {
            key = (key << width[i]) | ((long) data[base + order[i]] - minimum[i]);
        }
        return key;
    }

    /** Writes the columns of a packed key into out at row `row` (only meaningful for the identity order). */
    public void unpack(long key, int[] out, int row) {
        int base = row * arity;
        if (first >= 0 && secondWidth < 64) {
            out[base + first] = (int) ((key >>> secondWidth) + firstMinimum);
            out[base + second] = (int) ((key & ((1L << secondWidth) - 1)) + secondMinimum);
            return;
        }
        for (int i = order.length - 1; i >= 0; i--) {
            int w = width[i];
            long mask = w == 64 ? -1L : (1L << w) - 1;
            out[base + order[i]] = (int) ((key & mask) + minimum[i]);
            key = w == 64 ? 0 : key >>> w;
        }
    }
}
