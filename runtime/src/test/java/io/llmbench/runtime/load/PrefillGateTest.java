package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefillGateTest {

    @Test
    void sessionsKeepAtMostThePrefillLimitWaitingForTheirFirstTokenWhileOthersStream() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger prefilling = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostPrefilling = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<String> sent = new CopyOnWriteArrayList<>();
        try {
            PrefillGate gate = new PrefillGate(1, null, timer);
            long[][] delays = {{-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}};
            new SessionScheduler(delays, 4, Integer.MAX_VALUE, 4, null, null, gate.applyTo(
                    (conversation, session, turn, last, sequence, scheduled, done) -> {
                        sent.add(session + "." + turn);
                        mostPrefilling.accumulateAndGet(prefilling.incrementAndGet(), Math::max);
                        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        RequestDispatch.Completion completion = (RequestDispatch.Completion) done;
                        server.schedule(() -> {
                            // Count down first: the gate may send the next turn the moment it hears.
                            prefilling.decrementAndGet();
                            completion.firstResponse();
                            server.schedule(() -> {
                                inFlight.decrementAndGet();
                                completion.run();
                            }, 40, TimeUnit.MILLISECONDS);
                        }, 5, TimeUnit.MILLISECONDS);
                        return RequestDispatch.Cancellable.NONE;
                    }), timer).run();
            assertEquals(12, sent.size(), "every turn of the 4 sessions: " + sent);
            assertEquals(1, mostPrefilling.get(), "never more than 1 turn before its first token");
            assertTrue(mostInFlight.get() > 1, "turns past their prefill keep streaming: " + mostInFlight.get());
            assertEquals(0, gate.held());
        } finally {
            server.shutdownNow();
            timer.shutdownNow();
        }
    }

    @Test
    void aHeldTurnThatIsCancelledIsSentAndAbortedSoThatItsSessionGoesOn() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> events = new CopyOnWriteArrayList<>();
        List<Runnable> completions = new CopyOnWriteArrayList<>();
        try {
            PrefillGate gate = new PrefillGate(1, null, timer);
            SessionScheduler.TurnDispatch gated = gate.applyTo((conversation, session, turn, last, sequence,
                    scheduled, done) -> {
                events.add("sent " + sequence);
                completions.add(done);
                return reason -> {
                    events.add("cancelled " + sequence);
                    return true;
                };
            });
            AtomicInteger doneCount = new AtomicInteger();
            gated.send(0, 0, 0, false, 0, RequestDispatch.UNSCHEDULED, doneCount::incrementAndGet);
            RequestDispatch.Cancellable second = gated.send(1, 1, 0, false, 1, RequestDispatch.UNSCHEDULED,
                    doneCount::incrementAndGet);
            assertEquals(List.of("sent 0"), events, "the second turn waits for the first one's first token");
            assertEquals(1, gate.held());
            assertTrue(second.cancel("benchmark duration and grace period ended"));
            assertEquals(List.of("sent 0", "sent 1", "cancelled 1"), events,
                    "a cancelled held turn is sent and aborted at once, so its record says cancelled");
            assertEquals(0, gate.held());
            completions.get(1).run();
            completions.get(0).run();
            assertEquals(2, doneCount.get());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aRampedLimitLetsMoreTurnsIntoPrefillAsItRises() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Integer> sent = new CopyOnWriteArrayList<>();
        try {
            PrefillGate gate = new PrefillGate(2, java.time.Duration.ofMillis(200), timer);
            // No turn ever sees its first token: only the ramp can let a second one in.
            SessionScheduler.TurnDispatch gated = gate.applyTo((conversation, session, turn, last, sequence,
                    scheduled, done) -> {
                sent.add(sequence);
                return RequestDispatch.Cancellable.NONE;
            });
            for (int i = 0; i < 3; i++) {
                gated.send(i, i, 0, true, i, RequestDispatch.UNSCHEDULED, () -> { });
            }
            assertEquals(List.of(0), sent, "the limit starts at 1");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sent.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            assertEquals(List.of(0, 1), sent, "at the end of the ramp the limit is 2, and no more");
            assertEquals(1, gate.held());
        } finally {
            timer.shutdownNow();
        }
    }
}
