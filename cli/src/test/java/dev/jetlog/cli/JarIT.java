// Runs the packaged cli/target/jetlog.jar as a user would (java -jar, a separate process) on the
// bundled example, on a broken program to check the exit status and the absence of stack traces, and on
// an SQLite round trip (the driver's native library must be in the jar for this platform); checks that
// the runner's second JVM maps its classes from the archive packaged beside the jar, and that signals,
// or the launching JVM's death, stop it cleanly.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return jetlog(List.of(), Map.of(), args);
    }

    private Process jetlog(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("jetlog.jar", "target/jetlog.jar"));
        assertTrue(Files.isRegularFile(jar), "missing " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        java.lang.Process process = builder.start();
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
    void theRunnerMapsItsClassesFromThePackagedArchive() throws Exception {
        Path examples = Path.of("..", "datasets", "examples", "tc");
        Path jar = Path.of(System.getProperty("jetlog.jar", "target/jetlog.jar"));
        assertTrue(Files.isRegularFile(Launcher.archiveBeside(jar, System.getProperty("java.vm.version"))),
                "the build packages an archive for this JVM beside the jar");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<String> classLog = List.of("-Xlog:class+load=info:file=" + logs.resolve("classes-%p.txt"));
        Process run = jetlog(classLog, Map.of(), examples.resolve("tc.dl").toString(), "-F",
                examples.resolve("facts").toString(), "-D", dir.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("path\t63036\n", run.out());
        assertEquals(List.of("archive"), mainClassSources(logs), "one launcher JVM and one runner JVM, which maps Main");

        Path directLogs = Files.createDirectories(dir.resolve("direct-logs"));
        Process direct = jetlog(List.of("-Xlog:class+load=info:file=" + directLogs.resolve("classes-%p.txt")),
                Map.of("JETLOG_LAUNCH", "direct"), examples.resolve("tc.dl").toString(), "-F",
                examples.resolve("facts").toString(), "-D", dir.resolve("out2").toString());
        assertEquals(0, direct.status(), direct.err());
        assertEquals("path\t63036\n", direct.out());
        assertEquals(List.of("jar"), mainClassSources(directLogs), "JETLOG_LAUNCH=direct runs in the first JVM");
    }

    /** Where each logged JVM that loaded the runner's Main took it from ("archive" or "jar"), sorted. */
    private static List<String> mainClassSources(Path logs) throws IOException {
        List<String> sources = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(" dev.jetlog.cli.Main source: ")) {
                        sources.add(line.contains("shared objects file") ? "archive" : "jar");
                    }
                }
            }
        }
        return sources;
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

    @Test
    void sqliteAndGzipWorkFromTheJar() throws Exception {
        Path write = dir.resolve("w.dl");
        Files.writeString(write, ".decl r(x: number, y: symbol)\nr(1, \"a\"). r(2, \"b,c\").\n"
                + ".output r(IO=sqlite, dbname=\"r.db\")\n.output r(compress=true)\n");
        Process written = jetlog(write.toString(), "-D", dir.resolve("out").toString(), "-w");
        assertEquals(0, written.status(), written.err());
        Path read = dir.resolve("r.dl");
        Files.writeString(read, ".decl r(x: number, y: symbol)\n.input r(IO=sqlite, dbname=\"r.db\")\n"
                + ".decl g(x: number, y: symbol)\n.input g(filename=\"r.csv.gz\")\n"
                + ".output r(IO=stdout, rfc4180=true)\n.printsize g\n");
        Process back = jetlog(read.toString(), "-F", dir.resolve("out").toString(), "-D", dir.resolve("out2").toString());
        assertEquals(0, back.status(), back.err());
        assertEquals("---------------\nr\n===============\n1,\"a\"\n2,\"b,c\"\n===============\ng\t2\n", back.out());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"INT, 130, SIGINT", "TERM, 143, SIGTERM"})
    void aSignalStopsTheRunCleanly(String signal, int status, String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        java.lang.Process process = startLongRun(out);
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "jetlog did not stop after SIG" + signal);
        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertEquals(status, process.exitValue(), err);
        assertTrue(err.contains("jetlog: stopped by " + name + " while evaluating"), err);
        assertTrue(err.contains("stratum  relations"), "--stats prints the statistics so far:\n" + err);
        assertFalse(err.contains("Exception"), err);
        assertOnlyEarlierOutput(out);
    }

    @Test
    void aKilledLauncherStopsTheRunCleanly() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        java.lang.Process launcher = startLongRun(out);
        ProcessHandle runner = launcher.children().findFirst().orElseThrow(
                () -> new AssertionError("the launcher started no second JVM"));
        new ProcessBuilder("kill", "-KILL", Long.toString(launcher.pid())).start().waitFor();
        assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));
        runner.onExit().get(30, TimeUnit.SECONDS);
        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertTrue(err.contains("jetlog: stopped by SIGTERM while evaluating"), err);
        assertFalse(err.contains("Exception"), err);
        assertOnlyEarlierOutput(out);
    }

    /** A TC run over a 6,000-node cycle, still evaluating 2.5 s after it started; out holds an earlier output. */
    private java.lang.Process startLongRun(Path out) throws IOException, InterruptedException {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            edges.append(i).append('\t').append((i + 1) % 6000).append('\n');
        }
        Files.writeString(facts.resolve("edge.facts"), edges);
        Files.writeString(out.resolve("path.csv"), "earlier\n");
        Path program = dir.resolve("tc.dl");
        Files.writeString(program, ".decl edge(x: number, y: number)\n.input edge\n.decl path(x: number, y: number)\n"
                + ".output path\npath(x, y) :- edge(x, y).\npath(x, z) :- edge(x, y), path(y, z).\n");
        Path jar = Path.of(System.getProperty("jetlog.jar", "target/jetlog.jar"));
        java.lang.Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), program.toString(), "-F", facts.toString(), "-D", out.toString(), "-j", "2",
                "--backend", "cpu", "--stats")
                .redirectError(dir.resolve("stderr").toFile()).redirectOutput(dir.resolve("stdout").toFile()).start();
        Thread.sleep(2500);
        assertTrue(process.isAlive(), "the run should still be going after 2.5 s");
        return process;
    }

    private static void assertOnlyEarlierOutput(Path out) throws IOException {
        assertEquals("earlier\n", Files.readString(out.resolve("path.csv")), "earlier outputs are intact");
        try (var files = Files.list(out)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }
}
