package io.llmbench.runtime.load;

/** Sends one request of a phase; how it is built and where its result goes is the caller's business. */
@FunctionalInterface
public interface RequestDispatch {

    /** The scheduled instant of a closed-loop request: none, it is sent when a slot frees (equals {@code RequestRecord.NOT_RECORDED}). */
    long UNSCHEDULED = Long.MIN_VALUE;

    /**
     * Sends request {@code sequence} without blocking and calls {@code done} exactly once when it
     * completed, however it ended (possibly before this method returns).
     *
     * @param sequence the request's number in this phase, from 0
     * @param scheduledStartNs when the schedule wanted it sent ({@code System.nanoTime()}), or
     *     {@link io.llmbench.runtime.record.RequestRecord#NOT_RECORDED} in closed loop
     * @param done to call once when the request completed
     * @return a handle that cancels the request while it is in flight
     */
    Cancellable send(int sequence, long scheduledStartNs, Runnable done);

    /**
     * The {@code done} a scheduler passes: also told when the response's first token arrived, which
     * ends the request's prefill (for {@code --prefill-concurrency}). A dispatch that can tell
     * should call {@link #firstResponse()}; one that does not is treated as in prefill until done.
     */
    interface Completion extends Runnable {
        /** The first token arrived (call at most once, before {@link #run()}, or never). */
        void firstResponse();
    }

    /** A request that may be cancelled while in flight. */
    @FunctionalInterface
    interface Cancellable {
        /** A handle for a request that cannot be cancelled (it already completed). */
        Cancellable NONE = reason -> false;

        /**
         * Aborts the request; it completes as cancelled unless it had already completed.
         *
         * @return whether an abort was issued
         */
        boolean cancel(String reason);
    }
}
