// Deterministic synthetic graphs (chains, cycles, trees, grids, random) as arity-2 edge relations.
package dev.jetlog.datasets;

import java.util.SplittableRandom;

/**
 * Synthetic directed graphs for tests and benchmarks, as {@link IntRows} of arity 2 holding
 * {@code (from, to)} edges over nodes {@code 0 .. n-1}. Every generator is deterministic: the same
 * arguments give the same edges in the same order.
 */
public final class GraphGenerator {

    private GraphGenerator() {
    }

    /** The path {@code 0 → 1 → ... → n-1}: {@code n} nodes, {@code max(0, n-1)} edges. */
    public static IntRows chain(int n) {
        requireNonNegative("n", n);
        IntRows edges = new IntRows(2, Math.max(0, n - 1));
        for (int i = 0; i + 1 < n; i++) {
            edges.add2(i, i + 1);
        }
        return edges;
    }

    /** The cycle {@code 0 → 1 → ... → n-1 → 0}: {@code n} edges ({@code cycle(1)} is a self loop). */
    public static IntRows cycle(int n) {
        requireNonNegative("n", n);
        IntRows edges = new IntRows(2, n);
        for (int i = 0; i < n; i++) {
            edges.add2(i, i + 1 == n ? 0 : i + 1);
        }
        return edges;
    }

    /**
     * A complete binary tree with edges from parent to child, nodes numbered heap-style (node
     * {@code i} has children {@code 2i+1} and {@code 2i+2}). Depth 0 is a single node without edges;
     * depth {@code d} has {@code 2^(d+1) - 1} nodes and {@code 2^(d+1) - 2} edges.
     */
    public static IntRows binaryTree(int depth) {
        requireNonNegative("depth", depth);
        if (depth > 29) {
            throw new IllegalArgumentException("depth " + depth + " is too large (at most 29)");
        }
        int nodes = (1 << (depth + 1)) - 1;
        IntRows edges = new IntRows(2, nodes - 1);
        for (int child = 1; child < nodes; child++) {
            edges.add2((child - 1) / 2, child);
        }
        return edges;
    }

    /**
     * A {@code width × height} grid; node {@code (x, y)} is {@code y * width + x}, with edges to its
     * right and lower neighbours: {@code (width-1)*height + width*(height-1)} edges.
     */
    public static IntRows grid(int width, int height) {
        requireNonNegative("width", width);
        requireNonNegative("height", height);
        if ((long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid " + width + "x" + height + " has more than 2^31-1 nodes");
        }
        long count = width == 0 || height == 0 ? 0 : (long) (width - 1) * height + (long) width * (height - 1);
        IntRows edges = new IntRows(2, (int) Math.min(count, IntRows.MAX_ARRAY_LENGTH / 2));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int node = y * width + x;
                if (x + 1 < width) {
                    edges.add2(node, node + 1);
                }
                if (y + 1 < height) {
                    edges.add2(node, node + width);
                }
            }
        }
        return edges;
    }

    /**
     * {@code edges} edges whose endpoints are drawn uniformly and independently from
     * {@code 0 .. nodes-1} with a {@link SplittableRandom} seeded by {@code seed}. Like real data,
     * the result may contain duplicate edges and self loops, and some nodes may have no edge.
     */
    public static IntRows random(int nodes, int edges, long seed) {
        requireNonNegative("nodes", nodes);
        requireNonNegative("edges", edges);
        if (nodes == 0 && edges > 0) {
            throw new IllegalArgumentException("cannot draw " + edges + " edges from 0 nodes");
        }
        SplittableRandom random = new SplittableRandom(seed);
        IntRows out = new IntRows(2, edges);
        for (int i = 0; i < edges; i++) {
            int from = random.nextInt(nodes);
            int to = random.nextInt(nodes);
            out.add2(from, to);
        }
        return out;
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
