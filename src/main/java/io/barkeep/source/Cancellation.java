package io.barkeep.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cancellation token for one piece of work (a backfill, an updater pass), handed down to everything that can
 * wait: the request in flight aborts its HTTP exchange when cancelled, the back-off sleeper wakes up, the queue
 * stops. {@link #cancel()} runs the registered aborts at once, on the caller's thread, so a Cancel button stops
 * the work within moments instead of at the end of a 60 s request or a 16 s back-off. Thread-safe.
 */
public final class Cancellation {
    private final Object lock = new Object();
    // guarded by lock
    private final List<Runnable> aborts = new ArrayList<>();
    private volatile boolean cancelled;

    /** A token nobody will cancel, for work that runs to its end (reads on the command line). */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancels: every registered abort runs now, and every later registration runs at once. */
    public void cancel() {
        List<Runnable> run;
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = new ArrayList<>(aborts);
            aborts.clear();
            lock.notifyAll();
        }
        run.forEach(Runnable::run);
    }

    /**
     * Runs {@code abort} when this token is cancelled (at once when it already is) until the returned registration
     * is closed; after {@code close()} returns, {@code abort} never runs.
     */
    public Registration onCancel(Runnable abort) {
        synchronized (lock) {
            if (!cancelled) {
                aborts.add(abort);
                return () -> {
                    synchronized (lock) {
                        aborts.remove(abort);
                    }
                };
            }
        }
        abort.run();
        return () -> {
        };
    }

    /**
     * Waits {@code duration} or until cancelled, whichever comes first.
     *
     * @return true when the whole wait passed, false when cancelled
     */
    public boolean sleep(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return false;
    }

    /** A registered abort; closing it unregisters it. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
