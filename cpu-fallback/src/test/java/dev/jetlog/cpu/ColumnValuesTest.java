// The distinct values of a column: by bitmap over a narrow range, by sorting a copy over a wide one, and
// none where the copy would be longer than allowed.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ColumnValuesTest {
    private static Tuples pairs(int... values) {
        return new Tuples(2, values, values.length / 2);
    }

    @Test
    void aNarrowRangeAndAWideOneGiveTheSameSortedDistinctValues() {
        List<Tuples> narrow = List.of(pairs(5, 1, 3, 1, 5, 2), pairs(-2, 9));
        assertArrayEquals(new int[] {-2, 3, 5}, ColumnValues.distinct(narrow, 0));
        assertArrayEquals(new int[] {1, 2, 9}, ColumnValues.distinct(narrow, 1));
        List<Tuples> wide = List.of(pairs(Integer.MAX_VALUE, 0, 7, 0), pairs(Integer.MIN_VALUE, 0, 7, 1));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7, Integer.MAX_VALUE}, ColumnValues.distinct(wide, 0));
        assertArrayEquals(new int[0], ColumnValues.distinct(List.of(pairs()), 0));
    }

    @Test
    void aWideRangeInMoreRowsThanMaySortedIsLeftUnknown() {
        List<Tuples> wide = List.of(pairs(Integer.MAX_VALUE, 0, 7, 0, Integer.MIN_VALUE, 0));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7, Integer.MAX_VALUE}, ColumnValues.distinct(wide, 0, 3));
        assertNull(ColumnValues.distinct(wide, 0, 2));
        assertArrayEquals(new int[] {0}, ColumnValues.distinct(wide, 1, 2), "a narrow range needs no copy");
    }
}
