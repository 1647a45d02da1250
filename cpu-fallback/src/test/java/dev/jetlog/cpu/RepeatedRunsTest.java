// A thousand insert-and-run cycles on one session do not grow the heap: each run releases the last.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedRunsTest {
    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aThousandInsertAndRunCyclesDoNotGrowTheHeap() throws InterruptedException {
        String program = ".decl edge(x: number, y: number)\n.decl path(x: number, y: number)\n"
                + "path(x, y) :- edge(x, y).\npath(x, z) :- edge(x, y), path(y, z).\n";
        try (Session session = JetLog.compile("t.dl", program)
                .newSession(EngineOptions.defaults().withBackend("cpu").withThreads(2))) {
            long afterWarmUp = 0;
            for (int cycle = 0; cycle < 1000; cycle++) {
                session.insert("edge", cycle % 40, (cycle + 1) % 40);
                session.run();
                if (cycle == 99) {
                    afterWarmUp = usedHeap();
                }
            }
            assertEquals(1600, session.count("path"));
            long growth = usedHeap() - afterWarmUp;
            assertTrue(growth < 8L << 20, "the heap grew by " + (growth >> 10) + " KiB over 900 cycles");
        }
    }
}
