// Where CUDA cannot run (no kernels, no driver, no device), the backend says why in one line and creating
// it fails with that reason instead of crashing; where it can, it runs a program.
package dev.jetlog.gpu.cuda;

import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CudaAvailabilityTest {
    private static final String PROGRAM = ".decl e(x: number)\n.decl r(x: number)\nr(x) :- e(x), x > 1.\n";

    @Test
    void theBackendRunsOrSaysWhyNotInOneLine() {
        String reason = new CudaBackendProvider().unavailableReason();
        var program = JetLog.compile("t.dl", PROGRAM);
        EngineOptions options = EngineOptions.defaults().withBackend("cuda").withThreads(1);
        if (reason == null) {
            try (Session session = program.newSession(options)) {
                session.insert("e", 1);
                session.insert("e", 2);
                session.run();
                assertEquals(1, session.count("r"));
            }
            return;
        }
        assertFalse(reason.contains("\n"), reason);
        assertTrue(reason.contains("CUDA") || reason.contains("nvcc"), reason);
        JetLogException e = assertThrows(JetLogException.class, () -> program.newSession(options));
        assertEquals("backend 'cuda' cannot run here: " + reason, e.getMessage());
    }

    @Test
    void theFatbinIsPackagedWhenTheBuildFoundNvcc() {
        boolean nvcc = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> new java.io.File(dir, "nvcc").canExecute());
        if (nvcc) {
            assertTrue(CudaBackendProvider.class.getResource(CudaBackendProvider.FATBIN) != null,
                    "nvcc is on the PATH, so the build must have packaged the fatbin");
        }
    }
}
