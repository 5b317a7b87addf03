package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.spec.ArrivalPattern;
import io.llmbench.runtime.spec.PhaseLoad;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefillLimitTest {

    @Test
    void closedLoopKeepsAtMostPrefillConcurrencyWaitingForTheirFirstToken() throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        try (SimulatedStreams server = new SimulatedStreams(10, 30)) {
            PhaseLoad load = new PhaseLoad(6, 30, 0, ArrivalPattern.POISSON, 1, null, null, null, null, 2);
            LoadScheduler scheduler = PhaseSchedulers.create(load, 0, (sequence, scheduledNs, done) -> {
                assertEquals(RequestDispatch.UNSCHEDULED, scheduledNs, "a closed loop has no schedule");
                sent.incrementAndGet();
                return server.start(done);
            }, ScheduleLagMonitor.silent());
            scheduler.run();
            assertEquals(30, sent.get());
            assertEquals(2, server.mostPrefilling(), "never more than the prefill limit before the first token");
            assertTrue(server.mostInFlight() > 2 && server.mostInFlight() <= 6,
                    "requests past their prefill keep streaming: " + server.mostInFlight() + " in flight at most");
        }
    }
}
