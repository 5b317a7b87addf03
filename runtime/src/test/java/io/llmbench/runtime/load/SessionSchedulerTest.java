package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionSchedulerTest {

    @Test
    void turnsFollowTheirPreviousAnswerPlusDelayAndSessionsShareTheConcurrency() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long[][] delays = {{-1, 60, -1}, {-1}, {-1, 30}};
        Map<String, long[]> times = new ConcurrentHashMap<>();
        List<String> order = new ArrayList<>();
        AtomicInteger sessionsInFlight = new AtomicInteger();
        Map<String, Long> scheduledOf = new ConcurrentHashMap<>();
        AtomicInteger mostSessions = new AtomicInteger();
        try {
            new SessionScheduler(delays, 2, Integer.MAX_VALUE, delays.length, null, null,
                    (session, instance, turn, last, sequence, scheduled, done) -> {
                long now = System.nanoTime();
                synchronized (order) {
                    order.add(session + "." + turn);
                }
                if (turn == 0) {
                    mostSessions.accumulateAndGet(sessionsInFlight.incrementAndGet(), Math::max);
                }
                scheduledOf.put(session + "." + turn, scheduled);
                times.put(session + "." + turn, new long[] {now, 0});
                server.schedule(() -> {
                    times.get(session + "." + turn)[1] = System.nanoTime();
                    if (turn == delays[session].length - 1) {
                        sessionsInFlight.decrementAndGet();
                    }
                    done.run();
                }, 10, TimeUnit.MILLISECONDS);
                return RequestDispatch.Cancellable.NONE;
            }, timer).run();
            assertEquals(6, order.size(), order.toString());
            assertTrue(order.indexOf("0.0") < order.indexOf("0.1") && order.indexOf("0.1") < order.indexOf("0.2"));
            assertTrue(order.indexOf("2.0") < order.indexOf("2.1"));
            assertEquals(2, mostSessions.get(), "two conversations at a time");
            long gapMs = (times.get("0.1")[0] - times.get("0.0")[1]) / 1_000_000;
            assertTrue(gapMs >= 59, "turn 1 waits for the answer plus 60 ms: " + gapMs + " ms");
            assertTrue(times.get("0.2")[0] >= times.get("0.1")[1], "no delay: right after the answer");
            assertTrue(scheduledOf.get("0.1") != RequestDispatch.UNSCHEDULED, "a delayed turn carries its instant");
            assertEquals(RequestDispatch.UNSCHEDULED, scheduledOf.get("0.2"), "an undelayed turn has none");
            assertEquals(RequestDispatch.UNSCHEDULED, scheduledOf.get("0.0"), "first turns are closed loop");
        } finally {
            server.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** Records "conversation.session.turn" per send and answers at once. */
    private static List<String> run(long[][] delays, int concurrency, int requestCount, int sessionCount)
            throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            new SessionScheduler(delays, concurrency, requestCount, sessionCount, null, null,
                    (conversation, session, turn, last, sequence, scheduled, done) -> {
                        sent.add(conversation + "." + session + "." + turn + (last ? "!" : ""));
                        done.run();
                        return RequestDispatch.Cancellable.NONE;
                    }, timer).run();
        } finally {
            timer.shutdownNow();
        }
        return sent;
    }

    @Test
    void requestCountBeyondTheDatasetsTurnsStartsTheConversationOverAsANewSession() throws InterruptedException {
        // One conversation of 4 turns, 6 requests: AIPerf's sequential sampling wraps, and the cap cuts the
        // second session after 2 turns.
        assertEquals(List.of("0.0.0", "0.0.1", "0.0.2", "0.0.3!", "0.1.0", "0.1.1"),
                run(new long[][] {{-1, -1, -1, -1}}, 1, 6, Integer.MAX_VALUE));
    }

    @Test
    void sessionCountStartsThatManySessionsAndLetsEachSendEveryTurn() throws InterruptedException {
        List<String> sent = run(new long[][] {{-1, -1}, {-1, -1, -1}}, 1, Integer.MAX_VALUE, 3);
        assertEquals(List.of("0.0.0", "0.0.1!", "1.1.0", "1.1.1", "1.1.2!", "0.2.0", "0.2.1!"), sent);
    }

    @Test
    void concurrencyAboveTheNumberOfConversationsRunsSeveralSessionsOfOneConversation() throws InterruptedException {
        List<String> sent = run(new long[][] {{-1, -1}}, 3, 6, Integer.MAX_VALUE);
        assertEquals(6, sent.size(), sent.toString());
        for (int session = 0; session < 3; session++) {
            assertTrue(sent.contains("0." + session + ".0") && sent.contains("0." + session + ".1!"),
                    "session " + session + " sends both turns: " + sent);
        }
    }
}
