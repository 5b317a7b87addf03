package io.llmbench.runtime.metrics;

import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestError;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds {@link RequestRecord}s for tests with instants given in milliseconds after an arbitrary
 * monotonic origin, so that expected values read directly off the test.
 */
public final class TestRecords {

    /** The monotonic origin (a realistic {@code System.nanoTime()} magnitude). */
    public static final long ORIGIN_NS = 5_000_000_000_000L;

    private final List<ResponseChunk> chunks = new ArrayList<>();
    private String conversationId = "conv-0";
    private Phase phase = Phase.PROFILING;
    private String prompt = "one two three";
    private int images;
    private long scheduledNs = Long.MIN_VALUE;
    private long queuedNs = ns(0);
    private long startNs = ns(0);
    private long ackNs = ns(1);
    private long endNs = Long.MIN_VALUE;
    private int status = 200;
    private Usage usage;
    private RequestError error;

    private TestRecords() {
    }

    /** A profiling request started at 0 ms, handed over at 0 ms, with prompt {@code one two three}. */
    public static TestRecords request() {
        return new TestRecords();
    }

    /** Milliseconds after the origin, in monotonic nanoseconds. */
    public static long ns(double ms) {
        return ORIGIN_NS + Math.round(ms * 1_000_000);
    }

    public TestRecords conversation(String id) {
        this.conversationId = id;
        return this;
    }

    public TestRecords warmup() {
        this.phase = Phase.WARMUP;
        return this;
    }

    public TestRecords prompt(String text) {
        this.prompt = text;
        return this;
    }

    public TestRecords images(int count) {
        this.images = count;
        return this;
    }

    public TestRecords scheduledAt(double ms) {
        this.scheduledNs = ns(ms);
        return this;
    }

    public TestRecords queuedAt(double ms) {
        this.queuedNs = ns(ms);
        return this;
    }

    public TestRecords startAt(double ms) {
        this.startNs = ns(ms);
        return this;
    }

    public TestRecords notStarted() {
        this.startNs = RequestRecord.NOT_RECORDED;
        this.ackNs = RequestRecord.NOT_RECORDED;
        return this;
    }

    public TestRecords endAt(double ms) {
        this.endNs = ns(ms);
        return this;
    }

    public TestRecords content(double ms, String text) {
        chunks.add(new ResponseChunk(ns(ms), text, "", false));
        return this;
    }

    public TestRecords reasoning(double ms, String text) {
        chunks.add(new ResponseChunk(ns(ms), "", text, false));
        return this;
    }

    public TestRecords roleOnly(double ms) {
        chunks.add(new ResponseChunk(ns(ms), "", "", false));
        return this;
    }

    public TestRecords usageOnly(double ms) {
        chunks.add(new ResponseChunk(ns(ms), "", "", true));
        return this;
    }

    public TestRecords usage(int prompt, int completion, int reasoningTokens) {
        this.usage = new Usage(prompt, completion, reasoningTokens);
        return this;
    }

    public TestRecords failed(ErrorType type, int code, String message) {
        this.error = new RequestError(type, code, message);
        this.status = code;
        return this;
    }

    public TestRecords cancelled() {
        this.error = new RequestError(ErrorType.CANCELLED, 0, "cancelled by the schedule");
        return this;
    }

    public RequestRecord build() {
        long scheduled = scheduledNs == Long.MIN_VALUE ? queuedNs : scheduledNs;
        long end = endNs;
        if (end == Long.MIN_VALUE) {
            end = chunks.isEmpty() ? RequestRecord.NOT_RECORDED : chunks.get(chunks.size() - 1).receivedNs();
        }
        return new RequestRecord(UUID.randomUUID().toString(), conversationId, 0, 0, phase, prompt, images,
                scheduled, queuedNs, startNs, ackNs, end, status, chunks, usage, error);
    }
}
