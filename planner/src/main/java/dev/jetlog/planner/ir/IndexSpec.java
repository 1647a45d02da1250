// A HISA index: an order of all the relation's columns (join columns first) and how many
// leading columns form the hash key. keyLength 0 means "no key": every tuple matches.
package dev.jetlog.planner.ir;

import java.util.Arrays;

public record IndexSpec(int[] order, int keyLength) {
    public IndexSpec {
        order = order.clone();
        if (keyLength < 0 || keyLength > order.length) {
            throw new IllegalArgumentException("key length " + keyLength + " for " + order.length + " columns");
        }
    }

    /** The index whose order is the declared column order, keyed on all columns (set membership). */
    public static IndexSpec canonical(int arity) {
        int[] order = new int[arity];
        for (int i = 0; i < arity; i++) {
            order[i] = i;
        }
        return new IndexSpec(order, arity);
    }

    /** The canonical order with no key: every tuple, in stored order. */
    public static IndexSpec unkeyed(int arity) {
        int[] order = new int[arity];
        for (int i = 0; i < arity; i++) {
            order[i] = i;
        }
        return new IndexSpec(order, 0);
    }

    public int arity() {
        return order.length;
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    public int column(int position) {
        return order[position];
    }

    /** True if the order is 0, 1, ..., arity-1: tuples stored sorted need no separate index array. */
    public boolean isIdentityOrder() {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexSpec spec && keyLength == spec.keyLength && Arrays.equals(order, spec.order);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(order) + keyLength;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < order.length; i++) {
            text.append(i == 0 ? "" : ",").append(order[i]);
        }
        return text.append(" key ").append(keyLength).append(']').toString();
    }
}
