// The hash of a join key (a prefix of a row in index order): murmur3's 32-bit finaliser, chained.
package dev.jetlog.hisa;

public final class Hashing {
    private Hashing() {
    }

    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Hash of key[0, length). */
    public static int hash(int[] key, int length) {
        int h = 0x9e3779b9;
        for (int i = 0; i < length; i++) {
            h = mix(h ^ key[i]) + 0x7f4a7c15 * i;
        }
        return h;
    }

    /** Hash of the key formed by the first `length` columns of `order` of one row of data. */
    public static int hashRow(int[] data, int base, int[] order, int length) {
        int h = 0x9e3779b9;
        for (int i = 0; i < length; i++) {
            h = mix(h ^ data[base + order[i]]) + 0x7f4a7c15 * i;
        }
        return h;
    }
}
