package io.llmbench.runtime.load;

/**
 * Sends the requests of one phase through a {@link RequestDispatch} and returns when the phase is
 * over: every request it sent completed, or was cancelled when a duration and its grace period ran out.
 */
public interface LoadScheduler {

    /** Sends the phase's requests and returns when all of them have completed. */
    void run() throws InterruptedException;

    /** Stops sending new requests (an interrupt); requests in flight still complete. */
    void stop();

    /** Requests sent so far. */
    int sent();
}
