// Tarjan's algorithm, iterative, over a graph given as adjacency lists of node ids.
package dev.jetlog.planner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

public final class StronglyConnectedComponents {
    private StronglyConnectedComponents() {
    }

    /**
     * Returns the component id of every node. Ids are assigned in reverse topological order:
     * if there is an edge from a node in component a to a node in component b (a != b), then b < a.
     */
    public static int[] components(int nodeCount, IntFunction<int[]> successors) {
        int[] index = new int[nodeCount];
        int[] lowLink = new int[nodeCount];
        int[] component = new int[nodeCount];
        boolean[] onStack = new boolean[nodeCount];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int nextIndex = 0;
        int nextComponent = 0;
        for (int root = 0; root < nodeCount; root++) {
            if (index[root] != -1) {
                continue;
            }
            // explicit DFS stack of (node, position in its successor list)
            List<int[]> frames = new ArrayList<>();
            frames.add(new int[] {root, 0});
            index[root] = lowLink[root] = nextIndex++;
            stack.push(root);
            onStack[root] = true;
            while (!frames.isEmpty()) {
                int[] frame = frames.get(frames.size() - 1);
                int node = frame[0];
                int[] next = successors.apply(node);
                if (frame[1] < next.length) {
                    int successor = next[frame[1]++];
                    if (index[successor] == -1) {
                        index[successor] = lowLink[successor] = nextIndex++;
                        stack.push(successor);
                        onStack[successor] = true;
                        frames.add(new int[] {successor, 0});
                    } else if (onStack[successor]) {
                        lowLink[node] = Math.min(lowLink[node], index[successor]);
                    }
                    continue;
                }
                frames.remove(frames.size() - 1);
                if (!frames.isEmpty()) {
                    int parent = frames.get(frames.size() - 1)[0];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node]) {
                    int member;
                    do {
                        member = stack.pop();
                        onStack[member] = false;
                        component[member] = nextComponent;
                    } while (member != node);
                    nextComponent++;
                }
            }
        }
        return component;
    }
}
