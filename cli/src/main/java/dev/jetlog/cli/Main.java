// The command-line runner (jetlog.jar starts it through Launcher): parses the command line
// (ArgumentParser; picocli renders the help and the version, CommandHelp), runs the program, and turns
// every failure into a clear message on stderr and a non-zero exit status, never a stack trace (set
// JETLOG_DEBUG=1 to see one for internal errors and for the cause of an evaluation error).
package dev.jetlog.cli;

import dev.jetlog.parser.DatalogParser;
import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.ProgramException;

import java.io.PrintStream;

public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    public static void main(String[] args) {
        // off the main thread: the management API it goes through takes about 20 ms to load, and the bounds
        // matter only from the first collections on
        Thread footprint = new Thread(HeapFootprint::keepHeapCloseToLiveData, "jetlog-heap-footprint");
        footprint.setDaemon(true);
        footprint.start();
        // the grammar's state machines and the backends' classes are loaded meanwhile, beside the main
        // thread's reading of the command line and the program, instead of after it on the same core
        Thread warmUp = new Thread(Main::loadFrontEndAndBackends, "jetlog-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        stopWhenTheLauncherDies();
        System.exit(run(args, System.out, System.err, true));
    }

    /**
     * In the JVM that Launcher started, a launcher killed outright (it passes every other signal on) stops
     * the run as SIGTERM would, instead of leaving it running without anyone to report to.
     */
    private static void stopWhenTheLauncherDies() {
        String launcher = System.getProperty(Launcher.LAUNCHER_PID_PROPERTY);
        if (launcher == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(Main::raiseTerm), Main::raiseTerm);
        } catch (NumberFormatException e) {
            // not set by Launcher: nothing to watch
        }
    }

    private static void raiseTerm() {
        try {
            sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
        } catch (IllegalArgumentException e) {
            Runtime.getRuntime().exit(Interrupts.SIGTERM_STATUS);
        }
    }

    private static void loadFrontEndAndBackends() {
        try {
            DatalogParser.prepare();
            BackendRegistry.providers();
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it is reported properly
        }
    }

    /** Runs the command with the given streams and returns its exit status (signals left alone). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /** The rendered diagnostics, or just the first one's headline if rendering itself fails. */
    private static String renderSafely(ProgramException e) {
        try {
            return e.render();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError failure) {
            return "jetlog: error: " + e.getMessage();
        }
    }

    /**
     * Runs the command with the given streams and returns its exit status. With handleSignals, SIGINT and
     * SIGTERM stop the run cleanly (status 130 and 143); --timeout does so always (status 124).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean handleSignals) {
        JetLogCommand command = new JetLogCommand();
        ArgumentParser.Requests requests;
        try {
            requests = ArgumentParser.forJetLog().parse(command, args);
        } catch (UsageError e) {
            err.println("jetlog: " + e.getMessage());
            err.println("Try 'jetlog --help' for usage.");
            return USAGE;
        }
        if (requests.help()) {
            CommandHelp.printUsage(out);
            return OK;
        }
        if (requests.version()) {
            CommandHelp.printVersion(out);
            return OK;
        }
        long timeoutMillis;
        try {
            timeoutMillis = command.timeout == null ? 0 : Durations.millis(command.timeout);
        } catch (UsageError e) {
            err.println("jetlog: " + e.getMessage());
            err.println("Try 'jetlog --help' for usage.");
            return USAGE;
        }
        ProgramRun program = new ProgramRun(command, out, err);
        try (Interrupts interrupts = Interrupts.watch(err, timeoutMillis, handleSignals)) {
            try {
                program.execute();
                return OK;
            } catch (RuntimeException | Error e) {
                if (interrupts.cause() == null) {
                    throw e;
                }
                err.println("jetlog: stopped by " + interrupts.cause() + " while " + program.phase() + "; "
                        + (program.wroteOutputs() ? "the outputs were already written"
                        : "no output was written (earlier outputs are intact)"));
                return interrupts.status();
            }
        } catch (UsageError e) {
            err.println("jetlog: " + e.getMessage());
            err.println("Try 'jetlog --help' for usage.");
            return USAGE;
        } catch (ProgramException e) {
            err.println(renderSafely(e));
            int errors = e.errors().size();
            err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing was evaluated");
            return FAILED;
        } catch (JetLogException e) {
            err.println("jetlog: error: " + e.getMessage());
            if (System.getenv("JETLOG_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return FAILED;
        } catch (OutOfMemoryError e) {
            String detail = e.getMessage() == null || e.getMessage().startsWith("Java heap") ? "" : ": " + e.getMessage();
            err.println("jetlog: error: out of memory" + detail + " (Java heap limit "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); give the JVM more, e.g. java -Xmx16g -jar jetlog.jar ...");
            return FAILED;
        } catch (StackOverflowError e) {
            err.println("jetlog: error: the program is nested too deeply to process (stack exhausted); "
                    + "simplify the deepest expression or run java with a larger -Xss");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("jetlog: internal error: " + e);
            if (System.getenv("JETLOG_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
