// Entry point of jetlog.jar: runs the command-line runner (Main) in a second JVM that maps the runner's
// classes from the class-data archive packaged beside the jar (jetlog-<JVM version>.jsa, written by a
// training run when the jar is built). In a fresh JVM, loading, verifying and linking the runner's
// classes and lambdas takes about a quarter of a second of CPU, which the archive takes away; a
// `java -jar` command line cannot ask for an archive itself. The second JVM gets this one's options
// (heap, collector, -D...), the serial collector on a heap that grows from 8 MB unless they choose a
// collector or size the heap's start, a young-generation cap unless they size it, an earlier compilation
// of long loops unless they set it, and the same arguments; signals are passed on, and its exit status is this
// one's. Without an archive for this JVM, when the user manages class-data sharing, when this JVM was not
// started as `java [options] -jar jetlog.jar`, or with JETLOG_LAUNCH=direct, the runner runs in this JVM.
package dev.jetlog.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class Launcher {
    /** Set to "direct" (system property or JETLOG_LAUNCH) to run in this JVM; the second JVM gets it too. */
    static final String LAUNCH_PROPERTY = "jetlog.launch";
    static final String LAUNCH_VARIABLE = "JETLOG_LAUNCH";
    static final String DIRECT = "direct";
    /** The launching JVM's process id, given to the second JVM so that it stops if its launcher dies. */
    static final String LAUNCHER_PID_PROPERTY = "jetlog.launcher.pid";
    /** The runner's class, named rather than referenced so that the launching JVM does not load it. */
    static final String RUNNER_CLASS = "dev.jetlog.cli.Main";
    /** JVM options that mean the user chose their own class-data sharing: then the archive is not imposed. */
    private static final List<String> SHARING_OPTIONS = List.of("-Xshare", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+AutoCreateSharedArchive",
            "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration");

    /**
     * The collector and heap sizing, added unless the options choose a collector or set one of these: the
     * serial collector; a heap that starts at its smallest (8 MB, or the maximum if less: a 0% share of
     * memory, which no -Xmx contradicts); arrays of 256 KB or more allocated in the old generation, never
     * copied out of the young one; and a heap grown to 60% free (shrunk above 90% free) after each full
     * collection. The engine's memory is a few large long-lived arrays (relations, indexes) and large
     * temporary ones that die within an iteration: G1 grows the heap far beyond that, its young regions
     * moving to untouched pages as it expands. The cost: in JDK 17 only G1 maps the archived heap objects
     * (the module graph), about 10 ms of start-up. Against G1 with the same jar (medians of interleaved
     * runs, 2026-12-05, -j 2): CSPA 1.38 against 1.44 s and 278 against 389 MB (n=7), points-to 300 131
     * against 174 MB (1.14 against 1.16 s), steps 114 against 567 MB (2.34 against 2.58 s), SG on
     * ego-Facebook 12.5 against 14.5 s and 373 against 483 MB, TC on p2p-Gnutella04 1,105 against 1,307 MB
     * (2.92 against 2.85 s), TC on fe_body 29.1 against 42.2 s and 4.2 against 5.5 GB; TC on SF.cedge
     * 2,000 against 1,876 MB in the same time; a one-fact program 0.18 against 0.17 s. Full collections of
     * a heap of primitive arrays are short: fe_body's 37 took 0.9 of its 29 s.
     */
    static final List<String> COLLECTOR_SETTINGS = List.of("-XX:+UseSerialGC", "-XX:InitialRAMPercentage=0",
            "-XX:PretenureSizeThreshold=256k", "-XX:MinHeapFreeRatio=60", "-XX:MaxHeapFreeRatio=90");
    private static final List<String> COLLECTOR_OPTIONS = List.of("-Xms", "-XX:InitialHeapSize",
            "-XX:InitialRAMPercentage", "-XX:MinHeapSize", "-XX:MinHeapFreeRatio", "-XX:MaxHeapFreeRatio",
            "-XX:PretenureSizeThreshold");

    /**
     * The young generation's cap, added unless the options size it: the engine's large arrays go straight to
     * the old generation, so a larger young one mostly holds garbage. Against G1's default sizing (medians
     * of interleaved runs, 2026-12-04): points-to 300 213 against 273 MB (1.68 against 1.73 s), CSPA 446
     * against 512 MB (1.77 against 1.76 s), the 1,000-method points-to 1,907 against 2,114 MB (31.9 s both),
     * TC on CA-HepTh 5.29 against 5.54 s, TC on p2p-Gnutella04 and SG on ego-Facebook unchanged. In a heap of
     * less than four times that, a quarter of the heap: the serial collector would otherwise leave the old
     * generation, where its large arrays go, almost nothing.
     */
    static final long YOUNG_GENERATION_CAP_MB = 64;
    private static final List<String> YOUNG_GENERATION_OPTIONS = List.of("-Xmn", "-XX:NewSize", "-XX:MaxNewSize",
            "-XX:NewRatio", "-XX:G1NewSizePercent", "-XX:G1MaxNewSizePercent");

    /**
     * How many times a loop runs in the interpreter before the JIT compiles it on the stack (HotSpot's default:
     * 60,000), added unless the options set it or scale the thresholds. A run's first iterations meet each of
     * the engine's row loops (sorts, index builds, joins, merges) over 10^5 to 10^6 rows once, interpreted
     * until then. Against the default given on the command line (medians of 5 to 7 runs taking turns,
     * 2026-12-05): CSPA 1.49 against 1.57 s, points-to 300 1.15 against 1.25 s; against the build before,
     * CSDA 0.38 against 0.41 s, TC and steps within 2%, SG on ego-Facebook 14.88 against 14.63 s (about 2%
     * slower: its one long join compiles earlier, on a shorter profile). A run in a warm JVM does not see it.
     */
    static final String LOOP_COMPILE_THRESHOLD = "-XX:Tier3BackEdgeThreshold=15000";
    private static final List<String> LOOP_COMPILE_OPTIONS = List.of("-XX:Tier3BackEdgeThreshold",
            "-XX:CompileThresholdScaling");

    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<List<String>> command = direct() ? Optional.empty() : childCommand(args);
        if (command.isEmpty()) {
            Main.main(args);
            return;
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            Main.main(args); // no second JVM could be started: run here, as without an archive
            return;
        }
        passOn("INT", child);
        passOn("TERM", child);
        passOn("HUP", child);
        System.exit(exitStatus(child));
    }

    private static boolean direct() {
        return DIRECT.equals(System.getProperty(LAUNCH_PROPERTY)) || DIRECT.equals(System.getenv(LAUNCH_VARIABLE));
    }

    /** The second JVM's command line, or empty where the runner should run in this JVM. */
    private static Optional<List<String>> childCommand(String[] args) {
        Optional<Path> jar = runningJar();
        Optional<List<String>> commandLine = ownArguments();
        if (jar.isEmpty() || commandLine.isEmpty()) {
            return Optional.empty();
        }
        Path archive;
        try {
            archive = archiveBeside(jar.get(), System.getProperty("java.vm.version"));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!archiveServes(archive, jar.get())) {
            return Optional.empty();
        }
        return childCommand(commandLine.get(), Path.of(System.getProperty("java.home"), "bin", "java"),
                jar.get(), archive, ownPid(), Runtime.getRuntime().maxMemory(), List.of(args));
    }

    /**
     * This JVM's arguments (less the executable). Where /proc/self/cmdline is readable they come from
     * there, as the pid from /proc/self: ProcessHandle's first use costs about 20 ms of class loading and
     * lambda linking before the second JVM can start, and a launched run waits for each of them.
     */
    private static Optional<List<String>> ownArguments() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            // decoded as the JVM decodes its own command line (and ProcessHandle would)
            Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
            List<String> arguments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    arguments.add(new String(raw, start, i - start, charset));
                    start = i + 1;
                }
            }
            if (!arguments.isEmpty()) {
                return Optional.of(arguments.subList(1, arguments.size()));
            }
        } catch (IOException | RuntimeException e) {
            // no procfs (not Linux): ask the JVM
        }
        return ProcessHandle.current().info().arguments().map(List::of);
    }

    private static long ownPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * The second JVM's command line from this JVM's arguments (without the executable: what comes before
     * "-jar" is taken as its options), or empty where there is no "-jar" or the options choose their own
     * class-data sharing.
     */
    static Optional<List<String>> childCommand(List<String> jvmArguments, Path java, Path jar, Path archive,
                                               long launcherPid, long maxHeapBytes, List<String> args) {
        int jarOption = jvmArguments.indexOf("-jar");
        if (jarOption < 0) {
            return Optional.empty();
        }
        List<String> options = jvmArguments.subList(0, jarOption);
        if (anyStartsWith(options, SHARING_OPTIONS)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        if (!choosesCollector(options)) {
            command.addAll(COLLECTOR_SETTINGS);
        }
        if (!anyStartsWith(options, YOUNG_GENERATION_OPTIONS)) {
            command.add(youngGenerationCap(maxHeapBytes));
        }
        if (!anyStartsWith(options, LOOP_COMPILE_OPTIONS)) {
            command.add(LOOP_COMPILE_THRESHOLD);
        }
        command.add("-XX:SharedArchiveFile=" + archive);
        // an archive from another JVM build, or a jar changed since, is not used: say nothing of it
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-D" + LAUNCH_PROPERTY + "=" + DIRECT);
        command.add("-D" + LAUNCHER_PID_PROPERTY + "=" + launcherPid);
        command.add("-cp");
        command.add(jar.toString());
        command.add(RUNNER_CLASS);
        command.addAll(args);
        return Optional.of(command);
    }

    /** The young generation's cap for a heap of at most maxHeapBytes: 64 MB, or a quarter of a smaller heap. */
    static String youngGenerationCap(long maxHeapBytes) {
        long megabytes = Math.max(1, Math.min(YOUNG_GENERATION_CAP_MB, maxHeapBytes / 4 / (1 << 20)));
        return "-XX:MaxNewSize=" + megabytes + "m";
    }

    /** Whether the options choose a collector (-XX:+UseG1GC, -XX:-UseSerialGC...) or set the collector settings. */
    static boolean choosesCollector(List<String> options) {
        for (String option : options) {
            if ((option.startsWith("-XX:+Use") || option.startsWith("-XX:-Use")) && option.endsWith("GC")) {
                return true;
            }
        }
        return anyStartsWith(options, COLLECTOR_OPTIONS);
    }

    private static boolean anyStartsWith(List<String> options, List<String> prefixes) {
        for (String option : options) {
            for (String prefix : prefixes) {
                if (option.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The archive a JVM of the given version (java.vm.version) maps for a jar: the jar's name less .jar,
     * the version and .jsa, in the same folder. An archive serves only the JVM build that wrote it.
     */
    static Path archiveBeside(Path jar, String jvmVersion) {
        String name = jar.getFileName().toString();
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + "-" + jvmVersion + ".jsa");
    }

    /**
     * Whether the archive can serve the jar: it exists (none is built for another JVM) and is not older than
     * the jar. The build writes it from the packaged jar; a jar packaged again without that training run
     * (or copied over) would make the runner's JVM ignore the archive, and the second JVM cost its start-up
     * for nothing.
     */
    static boolean archiveServes(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Optional<Path> runningJar() {
        try {
            CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Passes a signal sent to this JVM on to the second one, which stops cleanly by itself (its own
     * handlers); this JVM keeps waiting for it. A terminal's Ctrl-C reaches both, which is the same. A
     * signal this JVM was started ignoring (nohup) stays ignored, as it does in the second JVM.
     */
    private static void passOn(String name, Process child) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, received -> send(name, child));
            if (previous == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN);
            }
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal for itself: its default stays
        }
    }

    private static void send(String name, Process child) {
        if (!name.equals("TERM")) {
            try {
                // quietly: the second JVM may have ended meanwhile
                new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                return;
            } catch (IOException e) {
                // no kill command: fall through to SIGTERM, which Java sends itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        child.destroy();
    }

    private static int exitStatus(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the second JVM decides when the run ends
            }
        }
    }
}
