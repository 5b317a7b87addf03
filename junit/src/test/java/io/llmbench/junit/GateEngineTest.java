package io.llmbench.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** The engine through the JUnit Platform launcher, against the embedded mock server. */
class GateEngineTest {

    /** A finished test: its display name and result. */
    private record Finished(String name, TestExecutionResult result) {
    }

    private static List<Finished> run(Class<?> benchmark, String args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(benchmark))
                .filters(EngineFilter.includeEngines(LlmBenchmarkTestEngine.ENGINE_ID))
                .configurationParameter(LlmBenchmarkTestEngine.ARGS_PARAMETER, args)
                .build();
        List<Finished> finished = new ArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    finished.add(new Finished(id.getDisplayName(), result));
                }
            }
        });
        return finished;
    }

    @Test
    void everySweepPointIsOneTestThatPassesWhenItsSlosAreMet() {
        List<Finished> tests = run(PassingGate.class, "--mock --mock-ttft-ms 1 --mock-itl-ms 1");
        assertEquals(List.of("concurrency=1", "concurrency=2"), tests.stream().map(Finished::name).toList());
        for (Finished test : tests) {
            assertEquals(TestExecutionResult.Status.SUCCESSFUL, test.result().getStatus(), test.toString());
        }
    }

    @Test
    void missedSloFailsTheTestNamingMetricStatisticThresholdAndMeasuredValue() {
        List<Finished> tests = run(FailingGate.class, "--mock --mock-ttft-ms 40 --mock-itl-ms 1");
        assertEquals(1, tests.size(), tests.toString());
        TestExecutionResult result = tests.get(0).result();
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.matches("SLO missed: time_to_first_token p50 = \\d+\\.\\d\\d ms, threshold <= 1\\.00 ms"),
                message);
        double measured = Double.parseDouble(message.replaceAll(".* = ([0-9.]+) ms,.*", "$1"));
        assertTrue(measured >= 39.5, "the mock's 40 ms are measured: " + message);
    }

    @Test
    void unreachableServerFailsEveryPointWithOneClearReason() {
        List<Finished> tests = run(FailingGate.class, "--url 127.0.0.1:1 --model m");
        assertEquals(1, tests.size(), tests.toString());
        assertEquals(TestExecutionResult.Status.FAILED, tests.get(0).result().getStatus());
        String message = tests.get(0).result().getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("cannot connect to http://127.0.0.1:1"), message);
    }
}
