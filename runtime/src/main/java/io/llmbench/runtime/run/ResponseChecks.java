package io.llmbench.runtime.run;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.BenchmarkHooks;
import java.util.List;

/**
 * Runs the benchmark's {@code @CheckResponse} method on each successful profiling response and
 * counts what passed. Confined to the processing thread, like the metrics.
 */
final class ResponseChecks {

    private final BenchmarkHooks hooks;
    private final List<DatasetEntry> entries;
    private long checked;
    private long passed;

    ResponseChecks(BenchmarkHooks hooks, List<DatasetEntry> entries) {
        this.hooks = hooks;
        this.entries = entries;
    }

    void accept(RequestRecord record) {
        if (!hooks.hasResponseCheck() || record.phase() != Phase.PROFILING || !record.isValid()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ResponseChunk chunk : record.chunks()) {
            if (chunk.content() != null) {
                text.append(chunk.content());
            }
        }
        checked++;
        if (hooks.checkResponse(text.toString(), entries.get(record.entryIndex()))) {
            passed++;
        }
    }

    /** The tally, or {@code null} when the benchmark has no response check. */
    Accuracy accuracy() {
        return hooks.hasResponseCheck() ? new Accuracy(checked, passed) : null;
    }
}
