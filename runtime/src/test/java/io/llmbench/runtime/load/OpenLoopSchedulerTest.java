package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.spec.ArrivalPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoopSchedulerTest {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    @Test
    void requestsLeaveAtTheirScheduledInstantsWhateverTheResponsesDo() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        long[] lagNs = new long[100];
        long[] scheduled = new long[100];
        try {
            // Responses take 50 ms, five gaps: a closed loop would fall far behind, an open loop must not.
            OpenLoopScheduler scheduler = new OpenLoopScheduler(
                    new RateArrivals(100, ArrivalPattern.CONSTANT, 1, null, 0), 100, UNLIMITED, null, null, null,
                    (sequence, scheduledNs, done) -> {
                        lagNs[sequence] = System.nanoTime() - scheduledNs;
                        scheduled[sequence] = scheduledNs;
                        server.schedule(done, 50, TimeUnit.MILLISECONDS);
                        return RequestDispatch.Cancellable.NONE;
                    }, ScheduleLagMonitor.silent());
            long start = System.nanoTime();
            scheduler.run();
            assertEquals(100, scheduler.sent());
            for (int i = 1; i < 100; i++) {
                assertEquals(10_000_000, scheduled[i] - scheduled[i - 1], "request " + i + " is one gap after the last");
            }
            long[] sorted = lagNs.clone();
            Arrays.sort(sorted);
            // Loose on purpose: build machines are shared and loaded (docs/performance.md measures precision).
            assertTrue(sorted[50] < 20_000_000, "median lag " + sorted[50] + " ns");
            assertTrue(sorted[0] >= 0, "no request leaves before its instant");
            assertTrue(System.nanoTime() - start >= 990_000_000L + 50_000_000L, "the phase waits for the last response");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aConcurrencyLimitHoldsRequestsBackAndTheirLagShowsIt() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> warnings = new ArrayList<>();
        long[] lagNs = new long[40];
        try {
            new OpenLoopScheduler(new RateArrivals(1000, ArrivalPattern.CONSTANT, 1, null, 0), 40, 4, null, null,
                    null, (sequence, scheduledNs, done) -> {
                        lagNs[sequence] = System.nanoTime() - scheduledNs;
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        server.schedule(() -> {
                            inFlight.decrementAndGet();
                            done.run();
                        }, 20, TimeUnit.MILLISECONDS);
                        return RequestDispatch.Cancellable.NONE;
                    }, new ScheduleLagMonitor(warnings::add)).run();
            assertEquals(4, most.get());
            assertTrue(lagNs[4] >= 15_000_000, "the fifth request waited for a slot: " + lagNs[4]);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("--concurrency limit")), warnings.toString());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void requestsStillRunningAfterDurationAndGraceAreCancelledNotDropped() throws InterruptedException {
        ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        OpenLoopScheduler scheduler = new OpenLoopScheduler(
                new RateArrivals(200, ArrivalPattern.POISSON, 1, null, 3), UNLIMITED, UNLIMITED,
                Duration.ofMillis(200), Duration.ofMillis(100), null, (sequence, scheduledNs, done) -> {
                    // The server never answers: only a cancel completes the request.
                    Runnable once = new Runnable() {
                        private final AtomicInteger calls = new AtomicInteger();

                        @Override
                        public void run() {
                            if (calls.getAndIncrement() == 0) {
                                completed.incrementAndGet();
                                done.run();
                            }
                        }
                    };
                    pending.add(once);
                    return reason -> {
                        assertEquals(PhaseEnd.DURATION_ENDED, reason);
                        cancelled.incrementAndGet();
                        once.run();
                        return true;
                    };
                }, ScheduleLagMonitor.silent());
        long start = System.nanoTime();
        scheduler.run();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(scheduler.sent() > 10, "sent " + scheduler.sent());
        assertEquals(scheduler.sent(), cancelled.get(), "every request in flight at the end was cancelled");
        assertEquals(scheduler.sent(), completed.get());
        assertTrue(tookMs >= 290 && tookMs < 2_000, "duration + grace, then cancel: took " + tookMs + " ms");
    }

    @Test
    void aBurstReleasesEveryRequestAtOnce() throws InterruptedException {
        long[] scheduled = new long[50];
        new OpenLoopScheduler(sequence -> 0, 50, UNLIMITED, null, null, null, (sequence, scheduledNs, done) -> {
            scheduled[sequence] = scheduledNs;
            done.run();
            return RequestDispatch.Cancellable.NONE;
        }, ScheduleLagMonitor.silent()).run();
        for (long instant : scheduled) {
            assertEquals(scheduled[0], instant);
        }
    }

    @Test
    void stopEndsSendingAndWaitsForRequestsInFlight() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(1);
        AtomicInteger completed = new AtomicInteger();
        OpenLoopScheduler[] holder = new OpenLoopScheduler[1];
        try {
            holder[0] = new OpenLoopScheduler(new RateArrivals(1000, ArrivalPattern.CONSTANT, 1, null, 0),
                    UNLIMITED, UNLIMITED, null, null, null, (sequence, scheduledNs, done) -> {
                        if (sequence == 20) {
                            holder[0].stop();
                        }
                        server.schedule(() -> {
                            completed.incrementAndGet();
                            done.run();
                        }, 5, TimeUnit.MILLISECONDS);
                        return RequestDispatch.Cancellable.NONE;
                    }, ScheduleLagMonitor.silent());
            holder[0].run();
            assertEquals(21, holder[0].sent());
            assertEquals(21, completed.get());
        } finally {
            server.shutdownNow();
        }
    }
}
