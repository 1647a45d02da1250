// Sort-unique against a TreeSet model, over arities, value ranges (packed and unpacked paths) and thread counts.
package dev.jetlog.cpu.hisa;

import dev.jetlog.hisa.Tuples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortUniqueTest {
    @ParameterizedTest
    @CsvSource({
        "1, 20000, 0, 1000, 1",
        "1, 20000, -2147483648, 4294967296, 2",
        "2, 100000, 0, 300, 2",
        "2, 100000, -50, 100000, 3",
        "2, 50000, -2147483648, 4294967296, 2",
        "3, 60000, 0, 40, 2",
        "3, 30000, -2147483648, 4294967296, 4",
        "5, 20000, 0, 5, 2",
    })
    void matchesSortedSetModel(int arity, int n, int lo, long range, int threads) {
        SplittableRandom random = new SplittableRandom(arity * 1000L + n);
        Tuples input = RowSets.random(random, arity, n, lo, range);
        try (Parallel parallel = Parallel.of(threads)) {
            Tuples sorted = SortUnique.sortUnique(input, parallel);
            assertEquals(new ArrayList<>(RowSets.model(input)), RowSets.rows(sorted));
        }
    }

    @Test
    void nullaryRowsCollapseToOne() {
        try (Parallel parallel = Parallel.of(1)) {
            assertEquals(1, SortUnique.sortUnique(new Tuples(0, new int[0], 7), parallel).size());
            assertEquals(0, SortUnique.sortUnique(new Tuples(0, new int[0], 0), parallel).size());
        }
    }

    @Test
    void extremesOrderAsSignedInts() {
        Tuples input = RowSets.of(1, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, -1);
        try (Parallel parallel = Parallel.of(2)) {
            assertEquals(java.util.List.of(java.util.List.of(Integer.MIN_VALUE), java.util.List.of(-1),
                    java.util.List.of(0), java.util.List.of(Integer.MAX_VALUE)),
                    RowSets.rows(SortUnique.sortUnique(input, parallel)));
        }
    }
}
