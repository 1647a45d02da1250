// Runs the packaged cli/target/jetlog.jar as a user would (java -jar, a separate process) on the
// bundled example, and on a broken program to check the exit status and the absence of stack traces.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JarIT {
    @TempDir
    Path dir;

    private record Process(int status, String out, String err) {
    }

    private Process jetlog(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("jetlog.jar", "target/jetlog.jar"));
        assertTrue(Files.isRegularFile(jar), "missing " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        java.lang.Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "jetlog did not finish");
        return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void bundledExampleRuns() throws Exception {
        Path examples = Path.of("..", "datasets", "examples", "tc");
        Process run = jetlog(examples.resolve("tc.dl").toString(), "-F", examples.resolve("facts").toString(),
                "-D", dir.resolve("out").toString(), "-j", "2");
        assertEquals(0, run.status(), run.err());
        assertEquals("path\t63036\n", run.out());
        assertEquals(63036, Files.readAllLines(dir.resolve("out/path.csv")).size());
    }

    @Test
    void brokenProgramFailsCleanly() throws Exception {
        Path bad = dir.resolve("bad.dl");
        Files.writeString(bad, ".decl e(x: number)\ne(1) :- .\n");
        Process run = jetlog(bad.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().startsWith(bad + ":2:"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
