package io.llmbench.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.RunsInterval;
import io.llmbench.runtime.metrics.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregate over repeated runs: every statistic keyed as AIPerf keys it, failed runs left out. */
class RunsAggregateTest {

    private static RunSummary summary(double throughput, double... ttfts) {
        return new RunSummary(true, false, Map.of(MetricTag.TIME_TO_FIRST_TOKEN, Statistics.of(ttfts)),
                Map.of(MetricTag.REQUEST_THROUGHPUT, throughput, MetricTag.REQUEST_COUNT, (double) ttfts.length),
                List.of(), null, GoodputSlos.none(), 0, 0);
    }

    private static RunsAggregate.Run run(int index, RunSummary summary) {
        return new RunsAggregate.Run(RunsAggregate.Run.label(index), "dir" + index, summary, null);
    }

    @Test
    void everyStatisticOfEveryMetricIsTakenOverTheSuccessfulRunsOnly() {
        RunsAggregate aggregate = RunsAggregate.of(List.of(run(1, summary(10, 1, 3)), run(2, summary(12, 2, 4)),
                new RunsAggregate.Run("run_0003", "dir3", null, "server unreachable"), run(4, summary(14, 3, 5))),
                0.95);
        assertEquals(3, aggregate.successfulRuns());
        assertEquals(4, aggregate.runs().size());
        assertEquals("run_0004", aggregate.runs().get(3).label());
        RunsAggregate.Metric throughput = aggregate.metric("request_throughput_avg");
        assertEquals("requests/sec", throughput.unit());
        RunsInterval interval = throughput.interval();
        assertEquals(3, interval.count());
        assertEquals(12, interval.mean(), 1e-12);
        assertEquals(2, interval.std(), 1e-12, "sample standard deviation of 10, 12, 14");
        assertEquals(2 / Math.sqrt(3), interval.se(), 1e-12);
        assertEquals(4.302653 * 2 / Math.sqrt(3), interval.halfWidth(), 1e-5);
        assertEquals(1.0 / 6, interval.cv(), 1e-12);
        assertEquals(10, interval.min());
        assertEquals(14, interval.max());
        // Per-request metrics: the thirteen statistics, each over the runs' values (max: 3, 4, 5).
        for (String stat : StatisticNames.NAMES) {
            assertTrue(aggregate.metrics().containsKey("time_to_first_token_" + stat), stat);
        }
        assertEquals(4, aggregate.metric("time_to_first_token_max").interval().mean(), 1e-12);
        assertEquals("ms", aggregate.metric("time_to_first_token_p99").unit());
        assertNull(aggregate.metric("inter_token_latency_avg"), "no run had it");
    }

    @Test
    void aValueOnlyOneRunHasKeepsItWithoutAnInterval() {
        RunsInterval single = RunsAggregate.of(List.of(run(1, summary(10, 1))), 0.95)
                .metric("request_throughput_avg").interval();
        assertEquals(10, single.mean());
        assertEquals(0, single.std());
        assertEquals(10, single.ciLow());
        assertEquals(10, single.ciHigh());
        assertTrue(Double.isNaN(single.tCritical()));
    }

    @Test
    void aZeroMeanWithSpreadHasAnInfiniteCoefficientOfVariation() {
        RunsInterval interval = RunsInterval.of(new double[] {-1, 1}, 0.95);
        assertEquals(Double.POSITIVE_INFINITY, interval.cv());
        assertEquals(0, RunsInterval.of(new double[] {0, 0}, 0.95).cv());
    }
}
