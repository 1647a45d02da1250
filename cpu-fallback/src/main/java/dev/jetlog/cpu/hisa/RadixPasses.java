// Bookkeeping shared by the radix sorts: the widest digit, and turning per-chunk digit histograms
// into per-chunk scatter offsets (stable: chunk order within each bucket).
package dev.jetlog.cpu.hisa;

final class RadixPasses {
    static final int MAX_DIGIT_BITS = 11;

    private RadixPasses() {
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
