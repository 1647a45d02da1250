// The layout of a HISA hash table, shared by every backend so that host and device build and probe
// the same structure: open addressing with linear probing over a power-of-two number of slots, load
// factor at most 0.8, two ints per slot (the first sorted position of the key's run plus one, 0 for an
// empty slot; then the run length), the slot chosen by Hashing of the key prefix.
package dev.jetlog.hisa;

public final class HisaLayout {
    /** Ints per slot: position + 1 (0 = empty), then run length. */
    public static final int INTS_PER_SLOT = 2;
    private static final int MIN_SLOTS = 8;

    private HisaLayout() {
    }

    /** The number of slots (a power of two) of a table holding the given number of distinct keys. */
    public static int slotsFor(long distinctKeys) {
        long wanted = distinctKeys * 5 / 4 + 1;
        if (wanted > (1L << 30)) {
            throw new IllegalArgumentException(distinctKeys + " distinct keys exceed a HISA table");
        }
        int slots = MIN_SLOTS;
        while (slots < wanted) {
            slots <<= 1;
        }
        return slots;
    }
}
