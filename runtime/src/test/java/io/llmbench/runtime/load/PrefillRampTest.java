package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.PhaseLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrefillRampTest {

    @Test
    void thePrefillLimitRisesFromOneToItsValueOverTheRamp() throws InterruptedException {
        // Prefill limit 4 over 300 ms: the limit is 1, 2, 3, 4 from 0, 100, 200, 300 ms. No request gets its first
        // token before 500 ms, so the k-th request can leave only once the limit reaches k + 1.
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        List<Long> sentMs = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            PhaseLoad load = new PhaseLoad(10, 4, 0, ArrivalPattern.POISSON, 1, null, null, null, null, 4,
                    Duration.ofMillis(300));
            PhaseSchedulers.create(load, 0, (sequence, scheduledNs, done) -> {
                sentMs.add((System.nanoTime() - start) / 1_000_000);
                RequestDispatch.Completion completion = (RequestDispatch.Completion) done;
                server.schedule(() -> {
                    completion.firstResponse();
                    completion.run();
                }, 500 - (System.nanoTime() - start) / 1_000_000, TimeUnit.MILLISECONDS);
                return RequestDispatch.Cancellable.NONE;
            }, ScheduleLagMonitor.silent()).run();
        } finally {
            server.shutdownNow();
        }
        assertEquals(4, sentMs.size(), sentMs.toString());
        for (int k = 1; k < 4; k++) {
            assertTrue(sentMs.get(k) >= k * 100 - 2, "request " + k + " waits for the limit to reach " + (k + 1)
                    + ": sent at " + sentMs);
        }
        assertTrue(sentMs.get(3) < 500, "all four leave during the ramp, before any first token: " + sentMs);
    }
}
