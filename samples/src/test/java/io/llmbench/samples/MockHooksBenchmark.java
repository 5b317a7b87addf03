package io.llmbench.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.annotations.CheckResponse;
import io.llmbench.annotations.CustomDataset;
import io.llmbench.annotations.CustomizeRequest;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.Setup;
import io.llmbench.annotations.Slo;
import io.llmbench.annotations.TearDown;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every hook: two entries whose expected answers are "A" and "B", a check that accepts a response
 * only for "A" (so the accuracy is exactly one half), {@code ignore_eos} added to each body, and
 * counters for setup and teardown that the test reads.
 */
@LlmBenchmark(concurrency = 1, requestCount = 4, outputTokens = 4)
@Slo(metric = "accuracy", min = 0.4)
public class MockHooksBenchmark {

    static final AtomicInteger SETUPS = new AtomicInteger();
    static final AtomicInteger TEARDOWNS = new AtomicInteger();
    static final AtomicInteger CHECKS = new AtomicInteger();

    @Setup
    public void open() {
        SETUPS.incrementAndGet();
    }

    @TearDown
    public void close() {
        TEARDOWNS.incrementAndGet();
    }

    @CustomDataset
    public List<DatasetEntry> questions() {
        return List.of(question("q-0", "Which letter comes first?", "A"),
                question("q-1", "Which letter comes second?", "B"));
    }

    private static DatasetEntry question(String id, String text, String answer) {
        return new DatasetEntry(id, text, List.of(), DatasetEntry.UNSET, List.of(), List.of(), answer, 0,
                DatasetEntry.UNSET, DatasetEntry.UNSET);
    }

    @CustomizeRequest
    public void ignoreEos(ObjectNode body) {
        body.put("ignore_eos", true);
    }

    @CheckResponse
    public boolean answerIsA(String response, DatasetEntry entry) {
        CHECKS.incrementAndGet();
        return !response.isEmpty() && entry.expectedAnswer().equals("A");
    }
}
