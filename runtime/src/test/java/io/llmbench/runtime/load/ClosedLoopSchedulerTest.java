package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopSchedulerTest {

    @Test
    void keepsExactlyConcurrencyInFlightAndSendsTheRequestCount() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        try {
            ClosedLoopScheduler scheduler = new ClosedLoopScheduler(8, 200, (sequence, scheduledNs, done) -> {
                sent.incrementAndGet();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                server.schedule(() -> {
                    inFlight.decrementAndGet();
                    done.run();
                }, 1, TimeUnit.MILLISECONDS);
            return RequestDispatch.Cancellable.NONE;
            });
            scheduler.run();
            assertEquals(200, sent.get());
            assertEquals(8, maxInFlight.get());
            assertEquals(0, inFlight.get());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void requestsThatCompleteAtOnceDoNotOverflowTheStack() throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        new ClosedLoopScheduler(2, 200_000, (sequence, scheduledNs, done) -> {
            sent.incrementAndGet();
            done.run();
            return RequestDispatch.Cancellable.NONE;
        }).run();
        assertEquals(200_000, sent.get());
    }

    @Test
    void fewerRequestsThanConcurrencySendsEachOnce() throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        new ClosedLoopScheduler(16, 3, (sequence, scheduledNs, done) -> {
            sent.incrementAndGet();
            done.run();
            return RequestDispatch.Cancellable.NONE;
        }).run();
        assertEquals(3, sent.get());
    }

    @Test
    void stopSendsNoMoreAndWaitsForThoseInFlight() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        try {
            ClosedLoopScheduler[] holder = new ClosedLoopScheduler[1];
            holder[0] = new ClosedLoopScheduler(4, 1_000_000, (sequence, scheduledNs, done) -> {
                if (sent.incrementAndGet() == 50) {
                    holder[0].stop();
                }
                server.schedule(() -> {
                    completed.incrementAndGet();
                    done.run();
                }, 1, TimeUnit.MILLISECONDS);
            return RequestDispatch.Cancellable.NONE;
            });
            holder[0].run();
            assertTrue(sent.get() >= 50 && sent.get() <= 54, "sent " + sent.get());
            assertEquals(sent.get(), completed.get());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void sequencesAreEachSentOnce() throws InterruptedException {
        boolean[] seen = new boolean[1000];
        AtomicInteger duplicates = new AtomicInteger();
        new ClosedLoopScheduler(7, 1000, (sequence, scheduledNs, done) -> {
            synchronized (seen) {
                if (seen[sequence]) {
                    duplicates.incrementAndGet();
                }
                seen[sequence] = true;
            }
            done.run();
            return RequestDispatch.Cancellable.NONE;
        }).run();
        assertEquals(0, duplicates.get());
        for (boolean s : seen) {
            assertTrue(s);
        }
    }
}
