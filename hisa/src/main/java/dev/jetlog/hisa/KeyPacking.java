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

    /** Measures the value range of each column of the order over all rows (in parallel). */
    public static KeyPacking of(Tuples rows, int[] order, Parallel parallel) {
        int arity = rows.arity();
        int[] data = rows.data();
        int n = rows.size();
        int chunks = parallel.chunksFor(n, 1 << 16);
        int[][] min = new int[chunks][];
        int[][] max = new int[chunks][];
        parallel.forEachChunk(n, chunks, (chunk, from, to) -> {
            int[] lo = new int[order.length];
            int[] hi = new int[order.length];
            java.util.Arrays.fill(lo, Integer.MAX_VALUE);
            java.util.Arrays.fill(hi, Integer.MIN_VALUE);
            if (order.length == 2) {
                int firstColumn = order[0];
                int secondColumn = order[1];
                int xMin = Integer.MAX_VALUE;
                int xMax = Integer.MIN_VALUE;
                int yMin = Integer.MAX_VALUE;
                int yMax = Integer.MIN_VALUE;
                for (int row = from; row < to; row++) {
                    int base = row * arity;
                    int x = data[base + firstColumn];
                    int y = data[base + secondColumn];
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
                lo[0] = xMin;
                hi[0] = xMax;
                lo[1] = yMin;
                hi[1] = yMax;
                min[chunk] = lo;
                max[chunk] = hi;
                return;
            }
            for (int row = from; row < to; row++) {
                int base = row * arity;
                for (int i = 0; i < order.length; i++) {
                    int v = data[base + order[i]];
                    if (v < lo[i]) {
                        lo[i] = v;
                    }
                    if (v > hi[i]) {
                        hi[i] = v;
                    }
                }
            }
            min[chunk] = lo;
            max[chunk] = hi;
        });
        int[] minimum = new int[order.length];
        int[] width = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int c = 0; c < chunks; c++) {
                lo = Math.min(lo, min[c][i]);
                hi = Math.max(hi, max[c][i]);
            }
            if (n == 0) {
                lo = hi = 0;
            }
            minimum[i] = lo;
            width[i] = 64 - Long.numberOfLeadingZeros((long) hi - lo);
        }
        return new KeyPacking(arity, order.clone(), minimum, width);
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
