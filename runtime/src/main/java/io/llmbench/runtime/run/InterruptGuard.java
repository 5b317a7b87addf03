package io.llmbench.runtime.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps what a run measured when the process is interrupted (Ctrl-C): a shutdown hook stops the
 * load, gives the requests in flight a short grace, aborts the rest, and holds the JVM until the
 * run has written its exports.
 */
final class InterruptGuard implements AutoCloseable {

    /** How long requests in flight may finish after an interrupt before they are aborted. */
    static final long GRACE_MS = 2_000;
    /** How long the hook waits for the exports to be written. */
    private static final long WRITE_TIMEOUT_MS = 30_000;

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile Runnable stopLoad = () -> { };
    private volatile Runnable abortInFlight = () -> { };

    InterruptGuard() {
        hook = new Thread(this::onInterrupt, "llmbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What to call to stop sending and to abort what is in flight, for the phase now running. */
    void watch(Runnable stopLoad, Runnable abortInFlight) {
        this.stopLoad = stopLoad;
        this.abortInFlight = abortInFlight;
        if (interrupted) {
            stopLoad.run();
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    private void onInterrupt() {
        interrupted = true;
        stopLoad.run();
        try {
            if (!written.await(GRACE_MS, TimeUnit.MILLISECONDS)) {
                abortInFlight.run();
                written.await(WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exports are written: the hook may let the JVM go, and is removed when the run ends normally. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (the hook is running): nothing to remove.
        }
    }
}
