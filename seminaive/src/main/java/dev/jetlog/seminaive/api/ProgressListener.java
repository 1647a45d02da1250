// Told, on the thread that runs the evaluation, when each iteration of a stratum ends: which stratum, its
// relations, the iteration, how many new tuples it found, and the time since run() started. Keep it
// quick; it may call Session.cancel() to stop the run.
package dev.jetlog.seminaive.api;

import java.util.List;

/**
 * Told when each iteration of a stratum ends: the stratum, its relations, the iteration, the new tuples and
 * the time since {@link Session#run()} started. It runs on the thread that evaluates, so it should return
 * quickly; it may call {@link Session#cancel()}.
 */
@FunctionalInterface
public interface ProgressListener {
    void iterationDone(int stratum, List<String> relations, int iteration, long newTuples, long elapsedNanos);
}
