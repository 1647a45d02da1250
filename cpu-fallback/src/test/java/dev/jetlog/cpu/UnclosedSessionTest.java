// A session that is never closed does not keep its worker threads once it is unreachable.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class UnclosedSessionTest {
    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("jetlog-\\d+-worker-\\d+")).count();
    }

    @SuppressWarnings("resource")
    private static void runWithoutClosing() {
        Session session = JetLog.compile("t.dl", ".decl e(x: number)\n.decl r(x: number)\nr(x) :- e(x).\n")
                .newSession(EngineOptions.defaults().withBackend("cpu").withThreads(3));
        for (int i = 0; i < 100_000; i++) {
            session.insert("e", i);
        }
        session.run();
    }

    @Test
    void itsWorkerThreadsEndOnceItIsUnreachable() throws InterruptedException {
        long before = workers();
        runWithoutClosing();
        assertTrue(workers() > before, "the run started workers");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (workers() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertTrue(workers() <= before, (workers() - before) + " worker threads still alive 20 s later");
    }
}
