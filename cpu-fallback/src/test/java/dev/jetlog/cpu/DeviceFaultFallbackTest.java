// A device backend that fails mid-run: under "auto" the session continues on the CPU backend, from its facts,
// says so, and gives the right result; a backend chosen by name fails the run with the device's message.
package dev.jetlog.cpu;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceFaultFallbackTest {
    private static final CompiledProgram TC = JetLog.compile("tc.dl", """
            .decl edge(x: number, y: number)
            .decl path(x: number, y: number)
            path(x, y) :- edge(x, y).
            path(x, z) :- path(x, y), edge(y, z).
            """);

    @AfterEach
    void disableTheFaultyDevice() {
        System.clearProperty(FaultyDeviceBackendProvider.PROPERTY);
    }

    private static void chain(Session session, int length) {
        for (int i = 0; i < length; i++) {
            session.insert("edge", i, i + 1);
        }
    }

    @Test
    void underAutoAFailingDeviceHandsTheRunToTheCpu() {
        System.setProperty(FaultyDeviceBackendProvider.PROPERTY, "3");
        try (Session session = TC.newSession(EngineOptions.defaults().withThreads(2))) {
            assertEquals(FaultyDeviceBackend.NAME, session.backendDescription().split(" ")[0]);
            chain(session, 30);
            session.run();
            assertEquals(30 * 31 / 2, session.count("path"));
            assertEquals("the faulty-device backend failed (evaluating the rule for 'path' at tc.dl:4:1: kernel launch"
                    + " failed: device lost (simulated, join 3)); the run continues on the cpu backend from the session's"
                    + " facts", session.fallback());
            assertTrue(session.backendDescription().startsWith("cpu"), session.backendDescription());
            chain(session, 40); // the session goes on, incrementally, on the CPU
            session.run();
            assertEquals(40 * 41 / 2, session.count("path"));
        }
    }

    @Test
    void aDeviceChosenByNameFailsTheRunWithItsMessage() {
        System.setProperty(FaultyDeviceBackendProvider.PROPERTY, "2");
        try (Session session = TC.newSession(EngineOptions.defaults().withBackend(FaultyDeviceBackend.NAME))) {
            chain(session, 10);
            JetLogException failure = assertThrows(JetLogException.class, session::run);
            assertEquals("evaluating the rule for 'path' at tc.dl:4:1: kernel launch failed: device lost (simulated,"
                    + " join 2)", failure.getMessage());
            assertNull(session.fallback());
        }
    }
}
