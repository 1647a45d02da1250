// Tests for IntRows: adding, growing, copying, clearing, arity 0 and argument checks.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntRowsTest {

    @Test
    void addsAndGrowsPastInitialCapacity() {
        IntRows rows = new IntRows(3, 1);
        for (int i = 0; i < 1000; i++) {
            rows.add(i, -i, i * 2);
        }
        assertEquals(1000, rows.size());
        assertEquals(3, rows.arity());
        assertEquals(-999, rows.get(999, 1));
        assertEquals(10, rows.get(5, 2));
        assertTrue(rows.data().length >= 3000);
        int[] exact = rows.toArray();
        assertEquals(3000, exact.length);
        assertEquals(1998, exact[2999]);
    }

    @Test
    void fastPathsMatchVarargs() {
        IntRows a = new IntRows(2, 0);
        IntRows b = new IntRows(2);
        for (int i = 0; i < 100; i++) {
            a.add2(i, i + 1);
            b.add(i, i + 1);
        }
        assertArrayEquals(a.toArray(), b.toArray());
        IntRows one = new IntRows(1);
        one.add1(7);
        one.addFrom(new int[] {1, 8}, 1);
        assertArrayEquals(new int[] {7, 8}, one.toArray());
    }

    @Test
    void arityZeroOnlyCounts() {
        IntRows rows = new IntRows(0);
        rows.add();
        rows.add();
        assertEquals(2, rows.size());
        assertEquals(0, rows.toArray().length);
        rows.clear();
        assertEquals(0, rows.size());
        assertTrue(rows.isEmpty());
    }

    @Test
    void clearKeepsCapacity() {
        IntRows rows = new IntRows(2);
        rows.add2(1, 2);
        int[] before = rows.data();
        rows.clear();
        assertEquals(0, rows.size());
        rows.add2(3, 4);
        assertEquals(before, rows.data());
        assertArrayEquals(new int[] {3, 4}, rows.toArray());
    }

    @Test
    void rejectsWrongArityAndBadIndexes() {
        IntRows rows = new IntRows(2);
        assertThrows(IllegalArgumentException.class, () -> rows.add(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> rows.add1(1));
        assertThrows(IllegalArgumentException.class, () -> new IntRows(-1));
        rows.add2(1, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(0, 2));
    }

    @Test
    void capacityBeyondIntArrayIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new IntRows(4, Integer.MAX_VALUE / 2));
        assertTrue(e.getMessage().contains("largest int[]"), e.getMessage());
    }
}
