// Turns SIGINT, SIGTERM and --timeout into a clean stop. The main thread is interrupted, which cancels
// the evaluation, or the writing of outputs, at its next check; the run then ends with one line saying
// what was interrupted and the usual status (130, 143, 124), no partial output, and earlier outputs
// intact. If the main thread does not stop within a grace period (stuck in a native call), the staged
// temporary files are deleted and the process halts with the same status.
package dev.jetlog.cli;

import dev.jetlog.datasets.StagedFile;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

final class Interrupts implements AutoCloseable {
    static final int SIGINT_STATUS = 130;
    static final int SIGTERM_STATUS = 143;
    static final int TIMEOUT_STATUS = 124;
    private static final long GRACE_SECONDS = 10;

    private final Thread main;
    private final PrintStream err;
    /** Made on first use (a time limit, or a stop's grace period): most runs never need a thread for it. */
    private ScheduledExecutorService timer;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private volatile String cause;
    private volatile int status;
    private volatile boolean finished;

    private Interrupts(Thread main, PrintStream err, long timeoutMillis, boolean signals) {
        this.main = main;
        this.err = err;
        this.previousInt = signals ? handle("INT", SIGINT_STATUS) : null;
        this.previousTerm = signals ? handle("TERM", SIGTERM_STATUS) : null;
        if (timeoutMillis > 0) {
            timer().schedule(() -> stop("the time limit", TIMEOUT_STATUS), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Watches the calling thread: signals when handleSignals (the real command line), and a time limit
     * when timeoutMillis is positive.
     */
    static Interrupts watch(PrintStream err, long timeoutMillis, boolean handleSignals) {
        return new Interrupts(Thread.currentThread(), err, timeoutMillis, handleSignals);
    }

    private SignalHandler handle(String name, int exitStatus) {
        try {
            return Signal.handle(new Signal(name), signal -> stop("SIG" + name, exitStatus));
        } catch (IllegalArgumentException e) {
            return null; // the JVM keeps this signal for itself (e.g. under some debuggers): leave it
        }
    }

    private synchronized void stop(String why, int exitStatus) {
        if (cause != null || finished) {
            return;
        }
        cause = why;
        status = exitStatus;
        main.interrupt();
        timer().schedule(() -> {
            if (!finished) {
                StagedFile.deleteAllPending();
                err.println("jetlog: stopped by " + why + " (the run did not stop within " + GRACE_SECONDS
                        + " s); no output was written");
                err.flush();
                Runtime.getRuntime().halt(exitStatus);
            }
        }, GRACE_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "jetlog-interrupts");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    /** What stopped the run ("SIGINT", "SIGTERM", "the time limit"), or null if nothing did. */
    String cause() {
        return cause;
    }

    int status() {
        return status;
    }

    @Override
    public void close() {
        finished = true;
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousTerm != null) {
            Signal.handle(new Signal("TERM"), previousTerm);
        }
        if (cause != null) {
            Thread.interrupted(); // the interrupt was ours: do not leave it to the caller
        }
    }
}
