package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnGateTest {

    @Test
    void sessionsKeepAtMostThePrefillLimitWaitingForTheirFirstTokenWhileOthersStream() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> sent = new CopyOnWriteArrayList<>();
        try (SimulatedStreams server = new SimulatedStreams(5, 40)) {
            TurnGate gate = new TurnGate(1, TurnGate.Release.AT_FIRST_TOKEN, null, timer);
            long[][] delays = {{-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}};
            new SessionScheduler(delays, 4, Integer.MAX_VALUE, 4, null, null, gate.applyTo(
                    (conversation, session, turn, last, sequence, scheduled, done) -> {
                        sent.add(session + "." + turn);
                        return server.start(done);
                    }), timer).run();
            assertEquals(12, sent.size(), "every turn of the 4 sessions: " + sent);
            assertEquals(1, server.mostPrefilling(), "never more than 1 turn before its first token");
            assertTrue(server.mostInFlight() > 1, "turns past their prefill keep streaming: " + server.mostInFlight());
            assertEquals(0, gate.held());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aHeldTurnThatIsCancelledIsSentAndAbortedSoThatItsSessionGoesOn() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> events = new CopyOnWriteArrayList<>();
        List<Runnable> completions = new CopyOnWriteArrayList<>();
        try {
            TurnGate gate = new TurnGate(1, TurnGate.Release.AT_FIRST_TOKEN, null, timer);
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
            TurnGate gate = new TurnGate(2, TurnGate.Release.AT_FIRST_TOKEN, java.time.Duration.ofMillis(200), timer);
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

    @Test
    void aConcurrencyGateOutsideAPrefillGateHoldsTurnsUntilCompletionNotUntilTheFirstToken()
            throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Integer> sent = new CopyOnWriteArrayList<>();
        List<RequestDispatch.Completion> completions = new CopyOnWriteArrayList<>();
        try {
            TurnGate prefill = new TurnGate(1, TurnGate.Release.AT_FIRST_TOKEN, null, timer);
            TurnGate concurrency = new TurnGate(2, TurnGate.Release.AT_COMPLETION, null, timer);
            SessionScheduler.TurnDispatch gated = concurrency.applyTo(prefill.applyTo((conversation, session, turn,
                    last, sequence, scheduled, done) -> {
                sent.add(sequence);
                completions.add((RequestDispatch.Completion) done);
                return RequestDispatch.Cancellable.NONE;
            }));
            AtomicInteger finished = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                gated.send(i, i, 0, true, i, RequestDispatch.UNSCHEDULED, finished::incrementAndGet);
            }
            assertEquals(List.of(0), sent, "turn 1 has a concurrency slot but waits for turn 0's first token");
            assertEquals(1, concurrency.held(), "turn 2 waits for a concurrency slot");
            assertEquals(1, prefill.held(), "turn 1 holds no prefill slot while it waits");
            completions.get(0).firstResponse();
            awaitSize(sent, 2);
            assertEquals(List.of(0, 1), sent, "turn 0's first token lets turn 1 into prefill");
            completions.get(1).firstResponse();
            Thread.sleep(100);
            assertEquals(List.of(0, 1), sent, "first tokens free no concurrency slot: turn 2 still waits");
            completions.get(0).run();
            awaitSize(sent, 3);
            assertEquals(List.of(0, 1, 2), sent, "turn 0's completion frees its slot for turn 2");
            assertEquals(1, finished.get(), "the scheduler hears each completion once");
            assertEquals(0, concurrency.held());
        } finally {
            timer.shutdownNow();
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
