package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateSessionSchedulerTest {

    private static final long TICK_NS = 20_000_000;

    /** Sends at constant instants 20 ms apart; {@code answerMs} 0 answers within the send. */
    private static List<String> run(long[][] delays, int concurrency, int requestCount, long answerMs,
            Map<String, long[]> times) throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sessionsInFlight = new AtomicInteger();
        AtomicInteger mostSessions = new AtomicInteger();
        try {
            new RateSessionScheduler(delays, sequence -> sequence * TICK_NS, concurrency, requestCount,
                    Integer.MAX_VALUE, null, null, (conversation, session, turn, last, sequence, scheduled, done) -> {
                        String key = session + "." + turn;
                        sent.add(key);
                        times.put(key, new long[] {System.nanoTime(), 0});
                        if (turn == 0) {
                            mostSessions.accumulateAndGet(sessionsInFlight.incrementAndGet(), Math::max);
                        }
                        Runnable answer = () -> {
                            times.get(key)[1] = System.nanoTime();
                            if (last) {
                                sessionsInFlight.decrementAndGet();
                            }
                            done.run();
                        };
                        if (answerMs == 0) {
                            answer.run();
                        } else {
                            server.schedule(answer, answerMs, TimeUnit.MILLISECONDS);
                        }
                        return RequestDispatch.Cancellable.NONE;
                    }, timer, ScheduleLagMonitor.silent()).run();
        } finally {
            server.shutdownNow();
            timer.shutdownNow();
        }
        if (concurrency != Integer.MAX_VALUE) {
            assertTrue(mostSessions.get() <= concurrency, "at most " + concurrency + " sessions at once: " + sent);
        }
        return sent;
    }

    @Test
    void aReadyTurnTakesTheNextInstantBeforeANewSessionStarts() throws InterruptedException {
        // Answers come back within the send, so a session's next turn is always ready at the next instant:
        // it goes first, and a new session starts only once the previous one has sent its last turn.
        assertEquals(List.of("0.0", "0.1", "0.2", "1.0", "1.1", "1.2", "2.0"),
                run(new long[][] {{-1, -1, -1}}, Integer.MAX_VALUE, 7, 0, new ConcurrentHashMap<>()));
    }

    @Test
    void theConcurrencyLimitCapsSessionsInProgressNotRequests() throws InterruptedException {
        // Answers take 30 ms (more than an instant): with one session allowed, the second one waits for the
        // first one's last answer, and instants pass unused meanwhile.
        Map<String, long[]> times = new ConcurrentHashMap<>();
        assertEquals(List.of("0.0", "0.1", "1.0", "1.1"), run(new long[][] {{-1, -1}}, 1, 4, 30, times));
        assertTrue(times.get("1.0")[0] >= times.get("0.1")[1], "the next session starts after the last answer");
    }

    @Test
    void aTurnDelayMakesItsTurnReadyOnlyAfterTheAnswerPlusTheDelay() throws InterruptedException {
        Map<String, long[]> times = new ConcurrentHashMap<>();
        assertEquals(List.of("0.0", "0.1"), run(new long[][] {{-1, 50}}, 1, 2, 10, times));
        long waitedMs = (times.get("0.1")[0] - times.get("0.0")[1]) / 1_000_000;
        assertTrue(waitedMs >= 49, "turn 1 waits for the answer plus 50 ms: " + waitedMs + " ms");
    }
}
