// A merge that allocates leaves room for half its size again, so that the next merge of a tier up to that
// size (the relation store merges a tier once it reaches a quarter of the one before) is made in place, in
// the same array; a final merge (a consolidation) allocates exactly the merged size; and the merged rows are
// the sorted union every time.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.spi.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeHeadroomTest {
    private final CpuBackend backend = new CpuBackend(2);

    @AfterEach
    void close() {
        backend.close();
    }

    /** Rows (x, x % 7 + tag) for x = first, first + step, ... (count of them), sorted. */
    private static int[] rows(int first, int step, int count, int tag) {
        int[] data = new int[2 * count];
        for (int i = 0; i < count; i++) {
            data[2 * i] = first + i * step;
            data[2 * i + 1] = (first + i * step) % 7 + tag;
        }
        return data;
    }

    private static int[] union(int[]... parts) {
        TreeSet<Long> all = new TreeSet<>();
        for (int[] part : parts) {
            for (int i = 0; i < part.length; i += 2) {
                all.add(((long) part[i] << 32) | (part[i + 1] & 0xFFFF_FFFFL));
            }
        }
        int[] data = new int[2 * all.size()];
        int at = 0;
        for (long row : all) {
            data[at++] = (int) (row >>> 32);
            data[at++] = (int) row;
        }
        return data;
    }

    private static int[] content(Rows rows) {
        CpuRows cpu = (CpuRows) rows;
        return Arrays.copyOf(cpu.tuples().data(), (int) cpu.size() * 2);
    }

    @Test
    void anAllocatingMergeLeavesHalfItsSizeAgainAndTheNextMergeOfThatMuchIsInPlace() {
        int[] full = rows(0, 4, 4_000, 0);
        int[] firstDelta = rows(1, 4, 1_000, 0); // a quarter of full
        int[] secondDelta = rows(2, 4, 2_500, 0); // half of the 5,000 rows merged so far
        Rows fullRows = backend.upload(2, full, 4_000);
        int[] fullArray = ((CpuRows) fullRows).tuples().data();

        Rows merged = backend.merge(fullRows, backend.upload(2, firstDelta, 1_000));
        int[] mergedArray = ((CpuRows) merged).tuples().data();
        assertNotSame(fullArray, mergedArray, "full had no room: the merge allocates");
        assertTrue(mergedArray.length >= (5_000 + 2_500) * 2,
                "room for half the merged rows again, got " + mergedArray.length + " ints");
        assertArrayEquals(union(full, firstDelta), content(merged));

        Rows mergedAgain = backend.merge(merged, backend.upload(2, secondDelta, 2_500));
        assertSame(mergedArray, ((CpuRows) mergedAgain).tuples().data(), "the second merge fits the room left");
        assertArrayEquals(union(full, firstDelta, secondDelta), content(mergedAgain));
    }

    @Test
    void aDeltaLargerThanHalfTheMergeStillGetsRoomForItselfAgain() {
        int[] full = rows(0, 10, 100, 0);
        int[] delta = rows(5, 1, 3_000, 100); // far more than full, none of its rows: the room follows the delta
        Rows merged = backend.merge(backend.upload(2, full, 100), backend.upload(2, delta, 3_000));
        int[] array = ((CpuRows) merged).tuples().data();
        int mergedRows = union(full, delta).length / 2;
        assertTrue(array.length >= (mergedRows + 3_000) * 2, "room for another delta as large, got " + array.length);
        assertArrayEquals(union(full, delta), content(merged));
    }

    @Test
    void aFinalMergeAllocatesExactlyTheMergedSizeAndStillMergesInPlaceWhereThereIsRoom() {
        int[] full = rows(0, 4, 4_000, 0);
        int[] delta = rows(1, 4, 1_000, 0);
        Rows merged = backend.mergeFinal(backend.upload(2, full, 4_000), backend.upload(2, delta, 1_000));
        assertArrayEquals(union(full, delta), ((CpuRows) merged).tuples().data(), "exactly the 5,000 rows");

        Rows roomy = backend.merge(backend.upload(2, full, 4_000), backend.upload(2, delta, 1_000));
        int[] roomyArray = ((CpuRows) roomy).tuples().data();
        int[] more = rows(2, 4, 500, 0);
        Rows last = backend.mergeFinal(roomy, backend.upload(2, more, 500));
        assertSame(roomyArray, ((CpuRows) last).tuples().data(), "room already there is used");
        assertArrayEquals(union(full, delta, more), content(last));
    }
}
