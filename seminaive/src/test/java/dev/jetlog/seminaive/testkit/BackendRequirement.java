// Whether a backend's tests can run here: a backend that cannot run (no device, no driver, kernels not
// built) skips its suites with the reason, unless the environment variable JETLOG_REQUIRE_BACKENDS (or the
// system property jetlog.requireBackends) names it, comma-separated: then its tests fail instead, as CI
// wants for OpenCL on PoCL.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.BackendProvider;
import org.junit.jupiter.api.Assumptions;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.fail;

public final class BackendRequirement {
    private BackendRequirement() {
    }

    /** Returns if the backend can run here; otherwise skips the calling test, or fails it when required. */
    public static void check(String backend) {
        String reason = reason(backend);
        if (reason == null) {
            return;
        }
        if (required(backend)) {
            fail("backend '" + backend + "' is required (JETLOG_REQUIRE_BACKENDS) but cannot run here: " + reason);
        }
        Assumptions.abort("backend '" + backend + "' cannot run here: " + reason);
    }

    /** True if the backend can run here. */
    public static boolean available(String backend) {
        return reason(backend) == null;
    }

    private static String reason(String backend) {
        for (BackendProvider provider : BackendRegistry.providers()) {
            if (provider.name().equals(backend)) {
                return provider.unavailableReason();
            }
        }
        return "it is not on the class path";
    }

    private static boolean required(String backend) {
        String names = System.getProperty("jetlog.requireBackends", System.getenv("JETLOG_REQUIRE_BACKENDS"));
        return names != null && Arrays.stream(names.split(",")).map(String::strip).anyMatch(backend::equals);
    }
}
