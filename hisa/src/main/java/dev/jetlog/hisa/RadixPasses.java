// Bookkeeping shared by the parallel LSD radix sorts: digit sizes, and turning per-chunk digit
// histograms into per-chunk scatter offsets (stable: chunk order within each bucket).
package dev.jetlog.hisa;

final class RadixPasses {
    static final int MAX_DIGIT_BITS = 11;

    private RadixPasses() {
    }

    /** Number of passes for keys of the given significant bits. */
    static int passes(int bits) {
        return Math.max(1, (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS);
    }

    /** Bits per digit when the given bits are split evenly over the passes. */
    static int digitBits(int bits) {
        int passes = passes(bits);
        return Math.max(1, (bits + passes - 1) / passes);
    }

    /**
     * Replaces each count histogram[chunk][bucket] with the position where that chunk writes its first
     * key of that bucket. Returns false (leaving the counts) if one bucket holds all n keys: the pass
     * would not move anything and can be skipped.
     */
    static boolean toOffsets(int[][] histogram, int buckets, int n) {
        int chunks = histogram.length;
        for (int b = 0; b < buckets; b++) {
            long total = 0;
            for (int c = 0; c < chunks; c++) {
                total += histogram[c][b];
            }
            if (total == n) {
                return false;
            }
            if (total > 0) {
                break;
            }
        }
        int running = 0;
        for (int b = 0; b < buckets; b++) {
            for (int c = 0; c < chunks; c++) {
                int count = histogram[c][b];
                histogram[c][b] = running;
                running += count;
            }
        }
        return true;
    }
}
