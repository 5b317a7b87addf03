package io.llmbench.runtime.report;

import static io.llmbench.runtime.metrics.TestRecords.ns;
import static io.llmbench.runtime.metrics.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.RunMetrics;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimesliceRecorderTest {

    private final RunMetrics metrics = new RunMetrics(
            new RequestMetrics(new WhitespaceTokenizer(), true, TokenCountSource.CLIENT), GoodputSlos.none());

    @Test
    void eachWindowSummarizesExactlyTheRequestsThatEndedInIt() {
        // 100 ms windows from t = 0: ends at 50, 99.9 and 100 (the boundary opens the next window), 250.
        TimesliceRecorder recorder = new TimesliceRecorder(100_000_000L, ns(0));
        double[][] requests = {{0, 10, 50}, {20, 50, 99.9}, {40, 70, 100}, {200, 230, 250}};
        for (double[] r : requests) {
            RequestRecord record = request().startAt(r[0]).content(r[1], "one two").content(r[2], "three")
                    .endAt(r[2]).build();
            recorder.accept(record.endNs(), true, metrics.accept(record));
        }
        RequestRecord failed = request().startAt(210).failed(ErrorType.HTTP, 500, "boom").build();
        recorder.accept(failed.startNs(), false, metrics.accept(failed));

        List<Timeslice> slices = recorder.timeslices();
        assertEquals(List.of(0, 1, 2), slices.stream().map(Timeslice::index).toList());
        Statistics first = slices.get(0).statistics().get(MetricTag.TIME_TO_FIRST_TOKEN);
        assertEquals(Statistics.of(new double[] {10, 30}), first, "window 0 holds the first two requests only");
        assertEquals(2.0, slices.get(0).runLevel().get(MetricTag.REQUEST_COUNT));
        assertEquals(20.0, slices.get(0).runLevel().get(MetricTag.REQUEST_THROUGHPUT), 1e-9, "2 requests / 0.1 s");
        assertEquals(30.0, slices.get(1).statistics().get(MetricTag.TIME_TO_FIRST_TOKEN).avg(), 1e-9);
        assertEquals(1.0, slices.get(2).runLevel().get(MetricTag.ERROR_REQUEST_COUNT));
        assertEquals(1.0, slices.get(2).runLevel().get(MetricTag.REQUEST_COUNT));
        // The last window ends at its last end (250 ms): 1 request over 0.05 s.
        assertEquals(20.0, slices.get(2).runLevel().get(MetricTag.REQUEST_THROUGHPUT), 1e-9);
        assertEquals(0.2, slices.get(2).startSeconds(), 1e-12);
    }
}
