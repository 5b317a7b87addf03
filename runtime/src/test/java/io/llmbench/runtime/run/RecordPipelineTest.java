package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.client.CompletedExchange;
import io.llmbench.runtime.client.OutgoingRequest;
import io.llmbench.runtime.client.SecretRedactor;
import io.llmbench.runtime.client.SseEvent;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RequestMetrics;
import io.llmbench.runtime.metrics.TokenCountSource;
import io.llmbench.runtime.metrics.WhitespaceTokenizer;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordPipelineTest {

    private static final String KEY = "sk-secret-key-1234";
    private static final URI URI_OF_TEST = URI.create("http://127.0.0.1/v1/chat/completions");

    /** One token per word; remembers which threads it ran on. */
    private static final class ThreadNotingTokenizer extends WhitespaceTokenizer {
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public int count(String text) {
            threads.add(Thread.currentThread().getName());
            return super.count(text);
        }
    }

    private static CompletedExchange exchange(int i, String prompt) {
        OutgoingRequest request = new OutgoingRequest("id-" + i, "c" + i, 0, i, Phase.PROFILING, prompt, 0,
                new byte[0], RequestRecord.NOT_RECORDED);
        List<SseEvent> events = List.of(
                new SseEvent(null, "{\"choices\":[{\"delta\":{\"content\":\"one two\"}}]}".getBytes(StandardCharsets.UTF_8), 200),
                new SseEvent(null, "{\"choices\":[{\"delta\":{\"content\":\" three\"}}]}".getBytes(StandardCharsets.UTF_8), 300),
                new SseEvent(null, "[DONE]".getBytes(StandardCharsets.UTF_8), 301));
        return new CompletedExchange(request, URI_OF_TEST, 10, 20, 30, 301, 302, 200, true, events, new byte[0], null);
    }

    /** A request the server refused, echoing the key in its error body. */
    private static CompletedExchange refused(int i) {
        OutgoingRequest request = new OutgoingRequest("id-" + i, "c" + i, 0, i, Phase.PROFILING, "hello", 0,
                new byte[0], RequestRecord.NOT_RECORDED);
        byte[] body = ("{\"error\":{\"message\":\"invalid key " + KEY + "\"}}").getBytes(StandardCharsets.UTF_8);
        return new CompletedExchange(request, URI_OF_TEST, 10, 20, 30, 40, 41, 401, false, List.of(), body, null);
    }

    private static SecretRedactor redactor() {
        return SecretRedactor.of(new TargetSpec(URI.create("http://127.0.0.1"), "m", EndpointType.CHAT, true, KEY,
                Map.of(), Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void everyRecordIsMeasuredOffTheSharedThreadThenConsumedInOrderOfArrivalAndItsSlotReleasedLast()
            throws InterruptedException {
        ThreadNotingTokenizer tokenizer = new ThreadNotingTokenizer();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        try (RecordPipeline pipeline = new RecordPipeline(2, redactor(),
                new RequestMetrics(tokenizer, true, TokenCountSource.CLIENT), prepared -> {
                    assertEquals("llmbench-records", Thread.currentThread().getName());
                    if (prepared.record().isValid()) {
                        assertEquals(3.0, prepared.values().get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
                    } else {
                        // The export sees the redacted record, the caller's chain the one measured.
                        assertFalse(prepared.redacted().error().message().contains(KEY));
                    }
                    events.add("consumed " + prepared.record().requestId());
                })) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                pipeline.submit(i % 10 == 0 ? refused(i) : exchange(i, "say something back"), record -> {
                    assertTrue(record.isValid() || record.error().message().contains(KEY));
                    events.add("then " + record.requestId());
                }, () -> {
                    events.add("done id-" + n);
                    done.incrementAndGet();
                });
            }
            pipeline.drain();
            assertNull(pipeline.failure());
        }
        assertEquals(200, done.get());
        for (int i = 0; i < 200; i++) {
            int consumed = events.indexOf("consumed id-" + i);
            int then = events.indexOf("then id-" + i);
            int released = events.indexOf("done id-" + i);
            assertTrue(consumed >= 0 && consumed < then && then < released, "order for id-" + i + ": " + events);
        }
        assertFalse(tokenizer.threads.contains("llmbench-records"), "tokenized on " + tokenizer.threads);
        assertTrue(tokenizer.threads.stream().allMatch(name -> name.startsWith("llmbench-records-")),
                "tokenized on " + tokenizer.threads);
    }

    @Test
    void aRunThatTokenizesNothingHasNoFirstStageThreadsAndOneThatTokenizesHasHalfTheCores() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("llmbench.recordWorkers") == null,
                "the system property overrides the choice");
        assertEquals(0, RecordPipeline.workersFor(TokenCountSource.SERVER));
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                RecordPipeline.workersFor(TokenCountSource.CLIENT));
    }

    @Test
    void aFailureInEitherStageIsKeptAndTheSlotStillReleased() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("export failed");
        AtomicInteger done = new AtomicInteger();
        try (RecordPipeline pipeline = new RecordPipeline(1, redactor(),
                new RequestMetrics(new ThreadNotingTokenizer(), true, TokenCountSource.CLIENT), prepared -> {
                    if (prepared.record().requestId().equals("id-3")) {
                        throw boom;
                    }
                })) {
            for (int i = 0; i < 10; i++) {
                pipeline.submit(exchange(i, "hello"), null, done::incrementAndGet);
            }
            pipeline.drain();
            assertSame(boom, pipeline.failure());
        }
        assertEquals(10, done.get());
    }

    @Test
    void withNoFirstStageThreadsBothStagesRunOnTheOrderedThreadInOrder() throws InterruptedException {
        ThreadNotingTokenizer tokenizer = new ThreadNotingTokenizer();
        List<String> consumed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        try (RecordPipeline pipeline = new RecordPipeline(0, redactor(),
                new RequestMetrics(tokenizer, true, TokenCountSource.CLIENT), prepared -> {
                    assertEquals(3.0, prepared.values().get(MetricTag.OUTPUT_SEQUENCE_LENGTH));
                    consumed.add(prepared.record().requestId());
                })) {
            for (int i = 0; i < 50; i++) {
                pipeline.submit(exchange(i, "say something back"), null, done::incrementAndGet);
            }
            pipeline.drain();
            assertNull(pipeline.failure());
        }
        assertEquals(50, done.get());
        assertEquals(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "id-" + i).toList(), consumed);
        assertEquals(java.util.Set.of("llmbench-records"), java.util.Set.copyOf(tokenizer.threads));
    }
}
