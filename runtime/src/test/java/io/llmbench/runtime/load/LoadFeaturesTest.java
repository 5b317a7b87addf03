package io.llmbench.runtime.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.spec.FixedSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Closed-loop durations and ramps, cancellation, fixed schedules and the connection-limit check. */
class LoadFeaturesTest {

    @Test
    void closedLoopDurationCancelsWhatTheGracePeriodDidNotFinish() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        try {
            ClosedLoopScheduler scheduler = new ClosedLoopScheduler(4, Integer.MAX_VALUE, Duration.ofMillis(150),
                    Duration.ofMillis(50), null, (sequence, scheduledNs, done) -> {
                        AtomicInteger once = new AtomicInteger();
                        Runnable finish = () -> {
                            if (once.getAndIncrement() == 0) {
                                completed.incrementAndGet();
                                done.run();
                            }
                        };
                        // Early requests answer quickly, the later ones hang past the grace period.
                        if (sequence < 20) {
                            server.schedule(finish, 5, TimeUnit.MILLISECONDS);
                        }
                        return reason -> {
                            cancelled.incrementAndGet();
                            finish.run();
                            return true;
                        };
                    });
            scheduler.run();
            assertEquals(4, cancelled.get(), "the four requests left hanging were cancelled");
            assertEquals(scheduler.sent(), completed.get(), "none dropped");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void concurrencyRampOpensSlotsOneByOneOverTheRamp() throws InterruptedException {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        AtomicInteger inFlight = new AtomicInteger();
        List<long[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        try {
            new ClosedLoopScheduler(5, Integer.MAX_VALUE, Duration.ofMillis(600), null, Duration.ofMillis(400),
                    (sequence, scheduledNs, done) -> {
                        int now = inFlight.incrementAndGet();
                        synchronized (samples) {
                            samples.add(new long[] {System.nanoTime() - start, now});
                        }
                        server.schedule(() -> {
                            inFlight.decrementAndGet();
                            done.run();
                        }, 5, TimeUnit.MILLISECONDS);
                        return RequestDispatch.Cancellable.NONE;
                    }).run();
            long earlyMost = samples.stream().filter(s -> s[0] < 80_000_000L).mapToLong(s -> s[1]).max().orElse(0);
            long lateMost = samples.stream().filter(s -> s[0] > 450_000_000L).mapToLong(s -> s[1]).max().orElse(0);
            assertEquals(1, earlyMost, "one slot during the first quarter of the ramp");
            assertEquals(5, lateMost, "all slots after the ramp");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void cancellationPlanCancelsTheSameShareOfRequestsForTheSameSeed() throws InterruptedException {
        CancellationPlan plan = new CancellationPlan(25, Duration.ZERO, 9, null);
        int chosen = 0;
        for (int i = 0; i < 10_000; i++) {
            if (plan.chosen(i)) {
                chosen++;
            }
            assertEquals(plan.chosen(i), new CancellationPlan(25, Duration.ZERO, 9, null).chosen(i));
        }
        assertEquals(2500, chosen, 150);

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<String> reasons = new ConcurrentLinkedQueue<>();
        try {
            CancellationPlan delayed = new CancellationPlan(50, Duration.ofMillis(30), 1, timer);
            RequestDispatch dispatch = delayed.applyTo((sequence, scheduledNs, done) -> reason -> {
                reasons.add(sequence + ":" + reason);
                return true;
            });
            int expected = 0;
            for (int i = 0; i < 40; i++) {
                dispatch.send(i, 0, () -> { });
                if (delayed.chosen(i)) {
                    expected++;
                }
            }
            assertTrue(reasons.isEmpty(), "cancels wait for the delay");
            Thread.sleep(300);
            assertEquals(expected, reasons.size());
            assertTrue(reasons.stream().allMatch(r -> r.endsWith(CancellationPlan.REASON)));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void fixedScheduleReplaysTimestampsWithOffsets() {
        long[] timestamps = {3000, 1000, -1, 2000, 5000};
        FixedScheduleArrivals absolute = FixedScheduleArrivals.of(timestamps, new FixedSchedule(true, false, -1, -1));
        assertEquals(4, absolute.size());
        assertArrayEquals(new int[] {1, 3, 0, 4}, new int[] {absolute.entryIndex(0), absolute.entryIndex(1),
                absolute.entryIndex(2), absolute.entryIndex(3)});
        assertEquals(1000_000_000L, absolute.offsetNs(0), "absolute timestamps are offsets from the start");
        assertEquals(ArrivalTimes.END, absolute.offsetNs(4));

        FixedScheduleArrivals auto = FixedScheduleArrivals.of(timestamps, new FixedSchedule(true, true, -1, -1));
        assertEquals(0, auto.offsetNs(0));
        assertEquals(4000_000_000L, auto.offsetNs(3));

        FixedScheduleArrivals window = FixedScheduleArrivals.of(timestamps, new FixedSchedule(true, false, 2000, 3000));
        assertEquals(2, window.size(), "both offsets are inclusive");
        assertEquals(0, window.offsetNs(0), "the replay starts at the start offset");
        assertEquals(1000_000_000L, window.offsetNs(1));

        assertThrows(IllegalArgumentException.class,
                () -> FixedScheduleArrivals.of(new long[] {-1, -1}, new FixedSchedule(true, false, -1, -1)));
    }

    @Test
    void traceEntriesAreSentAtTheirTimestampsInTimestampOrder() throws InterruptedException {
        List<DatasetEntry> entries = List.of(
                traceEntry("late", 300), traceEntry("untimed", DatasetEntry.UNSET), traceEntry("early", 100),
                traceEntry("middle", 200));
        long[] timestamps = entries.stream().mapToLong(DatasetEntry::timestampMs).toArray();
        FixedScheduleArrivals arrivals = FixedScheduleArrivals.of(timestamps, new FixedSchedule(true, true, -1, -1));
        List<String> sent = new ArrayList<>();
        long[] offsetsMs = new long[3];
        long start = System.nanoTime();
        new OpenLoopScheduler(arrivals, arrivals.size(), Integer.MAX_VALUE, null, null, null,
                (sequence, scheduledNs, done) -> {
                    sent.add(entries.get(arrivals.entryIndex(sequence)).conversationId());
                    offsetsMs[sequence] = (System.nanoTime() - start) / 1_000_000;
                    done.run();
                    return RequestDispatch.Cancellable.NONE;
                }, ScheduleLagMonitor.silent()).run();
        assertEquals(List.of("early", "middle", "late"), sent, "untimed entries are skipped");
        assertTrue(offsetsMs[1] >= 100 && offsetsMs[2] >= 200, "auto-offset keeps the gaps: " + offsetsMs[1] + ", "
                + offsetsMs[2] + " ms");
    }

    private static DatasetEntry traceEntry(String id, long timestampMs) {
        return new DatasetEntry(id, "prompt " + id, List.of(), -1, List.of(), List.of(), null, 0, timestampMs,
                DatasetEntry.UNSET);
    }

    @Test
    void tooFewFileDescriptorsOrPortsFailBeforeTheRunWithTheFix() {
        UserInputException descriptors = assertThrows(UserInputException.class,
                () -> ConnectionLimits.check(10_000, 1024, 40, 28_000));
        assertTrue(descriptors.getMessage().contains("ulimit -n 11264"), descriptors.getMessage());
        UserInputException ports = assertThrows(UserInputException.class,
                () -> ConnectionLimits.check(30_000, 1_000_000, 40, 28_000));
        assertTrue(ports.getMessage().contains("ip_local_port_range"), ports.getMessage());
        ConnectionLimits.check(10_000, 20_000, 40, 28_000);
    }
}
