// Test access to ../shared: a test that needs it skips with a message when it is absent (a user's
// fresh clone), but fails when the environment variable CI is "true".
package dev.jetlog.seminaive.testkit;

import dev.jetlog.datasets.SharedDatasets;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

public final class SharedFolder {
    private SharedFolder() {
    }

    /** The shared folder, or skips (fails under CI=true) the calling test. */
    public static Path require(String purpose) {
        return present(SharedDatasets.locate(), purpose + ": ../shared not found (set -Djetlog.shared or JETLOG_SHARED)");
    }

    /** A file or folder below shared/, or skips (fails under CI=true) the calling test. */
    public static Path require(String relativePath, String purpose) {
        Path path = require(purpose).resolve(relativePath);
        return present(Files.exists(path) ? Optional.of(path) : Optional.empty(), purpose + ": " + path + " not found");
    }

    private static Path present(Optional<Path> path, String message) {
        if (path.isPresent()) {
            return path.get();
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (required when CI=true)");
        }
        Assumptions.abort(message + "; skipping");
        throw new AssertionError("unreachable");
    }
}
