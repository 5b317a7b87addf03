package io.llmbench.runtime.load;

import io.llmbench.runtime.spec.FixedSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Arrivals replayed from a trace's timestamps ({@code --fixed-schedule}): the entries with a
 * timestamp inside the start and end offsets (both inclusive), in timestamp order, each sent at its
 * timestamp from the phase start, or from the first kept timestamp with auto-offset (or a start
 * offset, which then is where the replay begins).
 */
public final class FixedScheduleArrivals implements ArrivalTimes {

    private final int[] entryIndexes;
    private final long[] offsetsNs;

    private FixedScheduleArrivals(int[] entryIndexes, long[] offsetsNs) {
        this.entryIndexes = entryIndexes;
        this.offsetsNs = offsetsNs;
    }

    /**
     * @param timestampsMs each dataset entry's timestamp in ms, negative for none
     * @throws IllegalArgumentException when no entry has a timestamp within the offsets
     */
    public static FixedScheduleArrivals of(long[] timestampsMs, FixedSchedule schedule) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < timestampsMs.length; i++) {
            long t = timestampsMs[i];
            if (t < 0 || schedule.startOffsetMs() >= 0 && t < schedule.startOffsetMs()
                    || schedule.endOffsetMs() >= 0 && t > schedule.endOffsetMs()) {
                continue;
            }
            kept.add(i);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no dataset entry has a timestamp"
                    + (schedule.startOffsetMs() >= 0 || schedule.endOffsetMs() >= 0 ? " within the offsets" : ""));
        }
        // Stable: entries of equal timestamps keep their dataset order.
        kept.sort(Comparator.comparingLong(i -> timestampsMs[i]));
        long base = schedule.autoOffset() ? timestampsMs[kept.get(0)]
                : schedule.startOffsetMs() >= 0 ? schedule.startOffsetMs() : 0;
        int[] indexes = new int[kept.size()];
        long[] offsets = new long[kept.size()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = kept.get(k);
            offsets[k] = (timestampsMs[indexes[k]] - base) * 1_000_000L;
        }
        return new FixedScheduleArrivals(indexes, offsets);
    }

    /** How many requests the schedule sends. */
    public int size() {
        return entryIndexes.length;
    }

    /** The dataset entry sent as request {@code sequence}. */
    public int entryIndex(int sequence) {
        return entryIndexes[sequence];
    }

    @Override
    public long offsetNs(int sequence) {
        return sequence < offsetsNs.length ? offsetsNs[sequence] : END;
    }

    @Override
    public String toString() {
        return "FixedScheduleArrivals" + Arrays.toString(Arrays.copyOf(offsetsNs, Math.min(5, offsetsNs.length)));
    }
}
