// Enforces a session's rule that one thread uses it at a time: a second thread that calls in while the
// first is inside fails at once with a clear message, instead of corrupting state. Re-entry by the same
// thread is allowed.
package dev.jetlog.seminaive.api;

import java.util.concurrent.atomic.AtomicReference;

final class OneThreadAtATime {
    /** Leaves the guarded section; close() it exactly once. */
    interface Entry extends AutoCloseable {
        @Override
        void close();
    }

    private final AtomicReference<Thread> user = new AtomicReference<>();
    private int depth;

    Entry enter(String operation) {
        Thread current = Thread.currentThread();
        if (!user.compareAndSet(null, current) && user.get() != current) {
            Thread other = user.get();
            throw new IllegalStateException("session used from two threads at once: " + operation + " on thread '"
                    + current.getName() + "' while thread '" + (other == null ? "?" : other.getName())
                    + "' is using it; a session is used by one thread at a time (use one session per thread)");
        }
        depth++;
        return () -> {
            if (--depth == 0) {
                user.set(null);
            }
        };
    }
}
