package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.PhaseLoad;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefillLimitTest {

    @Test
    void closedLoopKeepsAtMostPrefillConcurrencyWaitingForTheirFirstToken() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
        AtomicInteger prefilling = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostPrefilling = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        try {
            PhaseLoad load = new PhaseLoad(6, 30, 0, ArrivalPattern.POISSON, 1, null, null, null, null, 2);
            LoadScheduler scheduler = PhaseSchedulers.create(load, 0, (sequence, scheduledNs, done) -> {
                assertEquals(RequestDispatch.UNSCHEDULED, scheduledNs, "a closed loop has no schedule");
                sent.incrementAndGet();
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
                    }, 30, TimeUnit.MILLISECONDS);
                }, 10, TimeUnit.MILLISECONDS);
                return RequestDispatch.Cancellable.NONE;
            }, ScheduleLagMonitor.silent());
            scheduler.run();
            assertEquals(30, sent.get());
            assertEquals(2, mostPrefilling.get(), "never more than the prefill limit before the first token");
            assertTrue(mostInFlight.get() > 2 && mostInFlight.get() <= 6,
                    "requests past their prefill keep streaming: " + mostInFlight.get() + " in flight at most");
        } finally {
            server.shutdownNow();
        }
    }
}
