package io.llmbench.runtime.load;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a streaming server for scheduler tests: each request sent sees its first token
 * after one delay and completes after another, and the most requests prefilling and in flight at
 * once are counted.
 */
final class SimulatedStreams implements AutoCloseable {

    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
    private final long firstTokenMs;
    private final long streamMs;
    private final AtomicInteger prefilling = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostPrefilling = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    SimulatedStreams(long firstTokenMs, long streamMs) {
        this.firstTokenMs = firstTokenMs;
        this.streamMs = streamMs;
    }

    /** Starts one request whose scheduler hears of it through {@code done}. */
    RequestDispatch.Cancellable start(Runnable done) {
        mostPrefilling.accumulateAndGet(prefilling.incrementAndGet(), Math::max);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        RequestDispatch.Completion completion = (RequestDispatch.Completion) done;
        server.schedule(() -> {
            // Count down first: the scheduler may send the next request the moment it hears.
            prefilling.decrementAndGet();
            completion.firstResponse();
            server.schedule(() -> {
                inFlight.decrementAndGet();
                completion.run();
            }, streamMs, TimeUnit.MILLISECONDS);
        }, firstTokenMs, TimeUnit.MILLISECONDS);
        return RequestDispatch.Cancellable.NONE;
    }

    int mostPrefilling() {
        return mostPrefilling.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
