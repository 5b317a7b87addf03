package io.llmbench.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.compare.ErrorRateTest;
import io.llmbench.runtime.compare.MannWhitneyTest;
import io.llmbench.runtime.compare.MetricChange;
import io.llmbench.runtime.compare.RunComparison;
import io.llmbench.runtime.compare.Verdict;
import io.llmbench.runtime.compare.WelchTest;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.ProfileJsonWriter;
import io.llmbench.runtime.report.ResultFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on real runs against the mock server, one with a planted TTFT regression. */
class CompareTest {

    @TempDir
    static Path root;
    static Path fast;
    static Path slow;
    static Path failing;
    static Path fastAgain;
    static Path slowAgain;

    @BeforeAll
    static void runBoth() throws IOException {
        fast = MockRuns.run(root.resolve("fast"), 5, 24, "--warmup-request-count", "8");
        fastAgain = MockRuns.run(root.resolve("fast-again"), 5, 24, "--warmup-request-count", "8");
        slow = MockRuns.run(root.resolve("slow"), 100, 24);
        slowAgain = MockRuns.run(root.resolve("slow-again"), 100, 24);
        failing = MockRuns.run(root.resolve("failing"), 5, 24, "--mock-error-rate", "0.5");
    }

    @Test
    void plantedTtftRegressionFailsWithExitCode3AndNamesTheMetric() {
        MockRuns.Result result = MockRuns.main("compare", fast.toString(), slow.toString());
        assertEquals(3, result.exit(), result.out() + result.err());
        String ttftRow = result.out().lines().filter(l -> l.startsWith("Time to First Token (ms)")).findFirst()
                .orElseThrow(() -> new AssertionError("no TTFT row in\n" + result.out()));
        assertTrue(ttftRow.endsWith("REGRESSION"), ttftRow);
        assertTrue(result.out().contains("# Regression beyond 5.0%"), result.out());
    }

    @Test
    void theRegressionIsJudgedBeyondNoiseByTheRankTest() {
        List<MetricChange> changes = RunComparison.compare(ResultFolder.read(fast), ResultFolder.read(slow), 5, 0.05);
        MetricChange ttft = changes.stream().filter(c -> c.tag() == MetricTag.TIME_TO_FIRST_TOKEN).findFirst()
                .orElseThrow();
        assertTrue(ttft.pValue() < 0.01, "24 vs 24 requests with TTFT 5 vs 100 ms: p = " + ttft.pValue());
        assertTrue(ttft.changePct() > 50, "TTFT change " + ttft.changePct());
        MetricChange isl = changes.stream().filter(c -> c.tag() == MetricTag.INPUT_SEQUENCE_LENGTH).findFirst()
                .orElseThrow();
        assertEquals(Verdict.INFO, isl.verdict(), "workload metrics are shown, not judged");
    }

    @Test
    void aRunComparedWithItselfPassesAndTheSummaryFileWorksAsInput() {
        MockRuns.Result result = MockRuns.main("compare", slow.resolve(ProfileJsonWriter.FILE_NAME).toString(),
                slow.toString());
        assertEquals(0, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("# No regression"), result.out());
    }

    @Test
    void anImprovementIsNotARegression() {
        MockRuns.Result result = MockRuns.main("compare", slow.toString(), fast.toString(),
                "--regression-threshold", "1000");
        assertEquals(0, result.exit(), result.out() + result.err());
        List<MetricChange> changes = RunComparison.compare(ResultFolder.read(slow), ResultFolder.read(fast), 5, 0.05);
        assertEquals(Verdict.IMPROVEMENT, changes.stream().filter(c -> c.tag() == MetricTag.TIME_TO_FIRST_TOKEN)
                .findFirst().orElseThrow().verdict());
    }

    @Test
    void aRiseInTheErrorRateIsARegression() {
        MockRuns.Result result = MockRuns.main("compare", fast.toString(), failing.toString());
        assertEquals(3, result.exit(), result.out() + result.err());
        String errorRow = result.out().lines().filter(l -> l.startsWith("Error Request Count (requests)"))
                .findFirst().orElseThrow(() -> new AssertionError("no error row in\n" + result.out()));
        assertTrue(errorRow.contains("rate %") && errorRow.endsWith("REGRESSION"), errorRow);
        MetricChange errors = RunComparison.compare(ResultFolder.read(fast), ResultFolder.read(failing), 5, 0.05)
                .stream().filter(c -> c.tag() == MetricTag.ERROR_REQUEST_COUNT).findFirst().orElseThrow();
        assertEquals(0, errors.baseline(), 0, "the baseline failed nothing");
        assertTrue(errors.candidate() > 20, "about half of the candidate's requests failed: " + errors);
    }

    @Test
    void severalRunsASideTestThroughputAgainstTheirRunToRunSpread() {
        List<ResultFolder> fastRuns = List.of(ResultFolder.read(fast), ResultFolder.read(fastAgain));
        List<ResultFolder> slowRuns = List.of(ResultFolder.read(slow), ResultFolder.read(slowAgain));
        MetricChange throughput = RunComparison.compare(fastRuns, slowRuns, 5, 0.05).stream()
                .filter(c -> c.tag() == MetricTag.REQUEST_THROUGHPUT).findFirst().orElseThrow();
        double[] before = fastRuns.stream().mapToDouble(r -> r.stat(MetricTag.REQUEST_THROUGHPUT, "avg")
                .orElseThrow()).toArray();
        double[] after = slowRuns.stream().mapToDouble(r -> r.stat(MetricTag.REQUEST_THROUGHPUT, "avg")
                .orElseThrow()).toArray();
        assertEquals(WelchTest.pValue(before, after), throughput.pValue(), 1e-12, "Welch's test on the runs' values");
        assertEquals((after[0] + after[1]) / 2, throughput.candidate(), 1e-9, "the mean of the runs");
        assertTrue(Double.isNaN(RunComparison.compare(ResultFolder.read(fast), ResultFolder.read(slow), 5, 0.05)
                .stream().filter(c -> c.tag() == MetricTag.REQUEST_THROUGHPUT).findFirst().orElseThrow().pValue()),
                "one run a side: no spread to test against");

        MockRuns.Result result = MockRuns.main("compare", fast + "," + fastAgain, slow + "," + slowAgain);
        assertEquals(3, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains(" and 1 more run against baseline "), result.out());
        assertFalse(result.out().contains("Throughputs are judged by the threshold only"), result.out());
        String single = MockRuns.main("compare", fast.toString(), slow.toString()).out();
        assertTrue(single.contains("Throughputs are judged by the threshold only"), single);
    }

    @Test
    void twoProportionTestMatchesAHandComputedValue() {
        // 0 of 24 against 12 of 24: pooled rate 0.25, sd sqrt(0.25 * 0.75 * (2 / 24)) = 0.125, z = 0.5 / 0.125 = 4,
        // two-sided p = erfc(4 / sqrt(2)) = 6.334e-5.
        assertEquals(6.334e-5, ErrorRateTest.pValue(0, 24, 12, 24), 1e-7);
        assertEquals(1.0, ErrorRateTest.pValue(0, 10, 0, 30), 0);
    }

    @Test
    void mannWhitneyMatchesTheNormalApproximationOnAKnownExample() {
        // scipy.stats.mannwhitneyu([1,2,3,4,5], [6,7,8,9,10], method="asymptotic"): U = 0, the normal
        // approximation with continuity correction gives p = erfc((12.5 - 0.5) / sqrt(275/12) / sqrt(2)) = 0.012186.
        double p = MannWhitneyTest.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertEquals(0.012186, p, 1e-5);
        assertEquals(1.0, MannWhitneyTest.pValue(new double[] {3, 3, 3}, new double[] {3, 3, 3}), 1e-12);
    }

    @Test
    void missingResultIsOneUsageLine(@TempDir Path empty) {
        MockRuns.Result result = MockRuns.main("compare", empty.toString(), fast.toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().startsWith("llmbench: " + empty + " is not a result"), result.err());
    }
}
