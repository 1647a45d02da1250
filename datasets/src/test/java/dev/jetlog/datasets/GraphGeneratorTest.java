// Tests for GraphGenerator: edge counts, shapes, node ranges and determinism.
package dev.jetlog.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphGeneratorTest {

    @Test
    void chain() {
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3}, GraphGenerator.chain(4).toArray());
        assertEquals(0, GraphGenerator.chain(1).size());
        assertEquals(0, GraphGenerator.chain(0).size());
        assertEquals(999, GraphGenerator.chain(1000).size());
    }

    @Test
    void cycle() {
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 0}, GraphGenerator.cycle(3).toArray());
        assertArrayEquals(new int[] {0, 0}, GraphGenerator.cycle(1).toArray());
        assertEquals(0, GraphGenerator.cycle(0).size());
    }

    @Test
    void binaryTree() {
        assertEquals(0, GraphGenerator.binaryTree(0).size());
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3, 1, 4, 2, 5, 2, 6}, GraphGenerator.binaryTree(2).toArray());
        IntRows tree = GraphGenerator.binaryTree(10);
        assertEquals((1 << 11) - 2, tree.size());
        int[] inDegree = new int[1 << 11];
        for (int i = 0; i < tree.size(); i++) {
            inDegree[tree.get(i, 1)]++;
        }
        assertEquals(0, inDegree[0]);
        for (int node = 1; node < (1 << 11) - 1; node++) {
            assertEquals(1, inDegree[node], "every non-root node has exactly one parent");
        }
        assertThrows(IllegalArgumentException.class, () -> GraphGenerator.binaryTree(30));
    }

    @Test
    void grid() {
        assertArrayEquals(new int[] {0, 1, 0, 3, 1, 2, 1, 4, 2, 5, 3, 4, 4, 5}, GraphGenerator.grid(3, 2).toArray());
        assertEquals(3 * 5 + 4 * 4, GraphGenerator.grid(4, 5).size());
        assertEquals(0, GraphGenerator.grid(1, 1).size());
        assertEquals(0, GraphGenerator.grid(0, 7).size());
        assertEquals(6, GraphGenerator.grid(1, 7).size());
    }

    @Test
    void randomIsDeterministicAndInRange() {
        IntRows a = GraphGenerator.random(300, 600, 42);
        IntRows b = GraphGenerator.random(300, 600, 42);
        IntRows c = GraphGenerator.random(300, 600, 43);
        assertEquals(600, a.size());
        assertArrayEquals(a.toArray(), b.toArray());
        assertFalse(Arrays.equals(a.toArray(), c.toArray()));
        for (int v : a.toArray()) {
            assertTrue(v >= 0 && v < 300, "node " + v + " out of range");
        }
        assertEquals(0, GraphGenerator.random(0, 0, 1).size());
        assertThrows(IllegalArgumentException.class, () -> GraphGenerator.random(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GraphGenerator.random(5, -1, 1));
    }

    @Test
    void randomKeepsDuplicatesAndSelfLoopsLikeRealData() {
        IntRows dense = GraphGenerator.random(10, 1000, 5);
        Set<Long> distinct = new HashSet<>();
        int selfLoops = 0;
        for (int i = 0; i < dense.size(); i++) {
            distinct.add((long) dense.get(i, 0) << 32 | dense.get(i, 1));
            if (dense.get(i, 0) == dense.get(i, 1)) {
                selfLoops++;
            }
        }
        assertEquals(1000, dense.size());
        assertTrue(distinct.size() <= 100);
        assertTrue(selfLoops > 0);
    }
}
