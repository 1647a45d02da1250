// Checks the command line Launcher gives the runner's second JVM: this JVM's options kept in order, the
// serial collector's settings unless they choose a collector, the young-generation cap unless they size it,
// the class-data archive and the markers added, the user's arguments unchanged, and no second JVM where the
// command line has no -jar, the user chose their own class-data sharing, or the archive is older than the jar.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/opt/jetlog/jetlog.jar");
    private static final Path ARCHIVE = Path.of("/opt/jetlog/jetlog.jsa");

    private static Optional<List<String>> command(List<String> jvmArguments) {
        return Launcher.childCommand(jvmArguments, JAVA, JAR, ARCHIVE, 4242, 6L << 30,
                List.of("prog.dl", "-F", "facts dir", "-j", "2"));
    }

    @Test
    void theSecondJvmGetsTheseOptionsTheArchiveAndTheSameArguments() {
        List<String> jvmArguments = List.of("-Xmx16g", "-XX:+UseParallelGC", "-Dx=-jar y", "-jar", "jetlog.jar",
                "prog.dl", "-F", "facts dir", "-j", "2");
        assertEquals(List.of("/jdk/bin/java", "-Xmx16g", "-XX:+UseParallelGC", "-Dx=-jar y", "-XX:MaxNewSize=64m",
                        "-XX:Tier3BackEdgeThreshold=15000", "-XX:SharedArchiveFile=/opt/jetlog/jetlog.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-Djetlog.launch=direct", "-Djetlog.launcher.pid=4242", "-cp", "/opt/jetlog/jetlog.jar",
                        "dev.jetlog.cli.Main", "prog.dl", "-F", "facts dir", "-j", "2"),
                command(jvmArguments).orElseThrow());
    }

    @Test
    void withoutAChosenCollectorTheSecondJvmGetsTheSerialOneOnAHeapThatStartsSmall() {
        List<String> command = command(List.of("-Xmx2g", "-XX:+UseCompressedOops", "-jar", "jetlog.jar"))
                .orElseThrow();
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g", "-XX:+UseCompressedOops", "-XX:+UseSerialGC",
                "-XX:InitialRAMPercentage=0", "-XX:PretenureSizeThreshold=256k", "-XX:MinHeapFreeRatio=60",
                "-XX:MaxHeapFreeRatio=90", "-XX:MaxNewSize=64m"), command.subList(0, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:-UseSerialGC", "-Xms1g",
            "-XX:InitialHeapSize=64m", "-XX:InitialRAMPercentage=5", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=50", "-XX:PretenureSizeThreshold=1m"})
    void aUserWhoChoosesTheCollectorOrItsSizingKeepsTheirChoice(String option) {
        List<String> command = command(List.of(option, "-jar", "jetlog.jar")).orElseThrow();
        assertTrue(command.contains(option), command.toString());
        for (String setting : Launcher.COLLECTOR_SETTINGS) {
            assertFalse(command.contains(setting), setting + " in " + command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xmn512m", "-XX:NewSize=1g", "-XX:MaxNewSize=256m", "-XX:NewRatio=3",
            "-XX:G1MaxNewSizePercent=30"})
    void aUserWhoSizesTheYoungGenerationKeepsTheirSize(String option) {
        List<String> command = command(List.of(option, "-jar", "jetlog.jar")).orElseThrow();
        assertTrue(command.contains(option), command.toString());
        assertFalse(command.stream().anyMatch(o -> !o.equals(option) && o.startsWith("-XX:MaxNewSize")),
                command.toString());
    }

    @Test
    void aSmallHeapGetsAQuarterOfItAsItsYoungGeneration() {
        assertEquals("-XX:MaxNewSize=64m", Launcher.youngGenerationCap(6L << 30));
        assertEquals("-XX:MaxNewSize=64m", Launcher.youngGenerationCap(256L << 20));
        assertEquals("-XX:MaxNewSize=12m", Launcher.youngGenerationCap(48L << 20));
        assertEquals("-XX:MaxNewSize=1m", Launcher.youngGenerationCap(2L << 20));
        List<String> command = Launcher.childCommand(List.of("-Xmx48m", "-jar", "jetlog.jar"), JAVA, JAR, ARCHIVE,
                4242, 48L << 20, List.of("prog.dl")).orElseThrow();
        assertTrue(command.contains("-XX:MaxNewSize=12m"), command.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:Tier3BackEdgeThreshold=60000", "-XX:CompileThresholdScaling=2"})
    void aUserWhoSetsTheCompileThresholdsKeepsThem(String option) {
        List<String> command = command(List.of(option, "-jar", "jetlog.jar")).orElseThrow();
        assertTrue(command.contains(option), command.toString());
        assertFalse(command.contains(Launcher.LOOP_COMPILE_THRESHOLD), command.toString());
    }

    @Test
    void withoutJarOnTheCommandLineTheRunnerStaysInThisJvm() {
        assertTrue(command(List.of("-cp", "jetlog.jar", "dev.jetlog.cli.Launcher", "prog.dl")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xshare:off", "-XX:SharedArchiveFile=mine.jsa", "-XX:ArchiveClassesAtExit=new.jsa",
            "-XX:AOTCache=app.aot"})
    void aUserWhoChoosesClassDataSharingKeepsTheirChoice(String option) {
        assertTrue(command(List.of("-Xmx2g", option, "-jar", "jetlog.jar", "prog.dl")).isEmpty());
    }

    @Test
    void anArchiveOlderThanTheJarIsNotUsed(@TempDir Path folder) throws IOException {
        Path jar = Files.writeString(folder.resolve("jetlog.jar"), "jar");
        Path archive = folder.resolve("jetlog-17.jsa");
        assertFalse(Launcher.archiveServes(archive, jar), "no archive");
        Files.writeString(archive, "archive");
        FileTime packaged = FileTime.from(Instant.parse("2026-12-01T10:00:00Z"));
        Files.setLastModifiedTime(jar, packaged);
        Files.setLastModifiedTime(archive, FileTime.from(packaged.toInstant().plusSeconds(5)));
        assertTrue(Launcher.archiveServes(archive, jar), "written after the jar, by the training run");
        Files.setLastModifiedTime(jar, FileTime.from(packaged.toInstant().plusSeconds(60)));
        assertFalse(Launcher.archiveServes(archive, jar), "the jar packaged again since");
    }

    @Test
    void theArchiveIsNamedAfterTheJarAndTheJvm() {
        assertEquals(Path.of("/opt/x/jetlog-17.0.16+8-Debian-1deb12u1.jsa"),
                Launcher.archiveBeside(Path.of("/opt/x/jetlog.jar"), "17.0.16+8-Debian-1deb12u1"));
        assertEquals(Path.of("runner-25.0.1+8-LTS.jsa"), Launcher.archiveBeside(Path.of("runner.jar"), "25.0.1+8-LTS"));
    }
}
