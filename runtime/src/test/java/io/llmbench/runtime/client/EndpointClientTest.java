package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.chat;
import static io.llmbench.runtime.client.Exchanges.request;
import static io.llmbench.runtime.client.Exchanges.send;
import static io.llmbench.runtime.client.Exchanges.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.ImageInput;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.mock.MockVocabulary;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.TargetSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the real mock server on loopback. */
class EndpointClientTest {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    /** Headroom for a loaded 2-core machine: scheduling delays of a few hundred ms are possible. */
    private static final long SLACK_MS = 400;

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockSettings.defaults().withTiming(50, 10).withOutputTokens(16));
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<ResponseChunk> tokenBearing(RequestRecord record) {
        return record.chunks().stream().filter(ResponseChunk::isTokenBearing).toList();
    }

    @Test
    void streamingChatMeasuresTtftToFirstTokenAndKeepsContentUsageAndOrder() throws Exception {
        TargetSpec target = chat(mock.baseUri(), true);
        try (EndpointClient client = new EndpointClient(target, 4)) {
            RequestRecord record = send(client, request(target, "Tell me a story about the sea.", -1));

            assertNull(record.error(), () -> "unexpected error " + record.error());
            assertEquals(200, record.httpStatus());
            List<ResponseChunk> tokens = tokenBearing(record);
            assertEquals(16, tokens.size(), "one token-bearing event per token");
            String content = String.join("", tokens.stream().map(ResponseChunk::content).toList());
            assertEquals(MockVocabulary.text(16), content);
            assertEquals(16, CL100K.countTokensOrdinary(content), "client count equals the count sent");

            assertEquals(16, record.usage().completionTokens());
            assertEquals(CL100K.countTokensOrdinary("Tell me a story about the sea."), record.usage().promptTokens());
            ResponseChunk first = record.chunks().get(0);
            assertFalse(first.isTokenBearing(), "the role event comes first and carries no token");
            assertTrue(record.chunks().get(record.chunks().size() - 1).usageOnly(), "usage-only event last");

            double ttft = ms(tokens.get(0).receivedNs() - record.startNs());
            assertTrue(ttft >= 50 && ttft < 50 + SLACK_MS, "TTFT " + ttft + " ms, mock waits 50 ms");
            double latency = ms(record.endNs() - record.startNs());
            assertTrue(latency >= 50 + 15 * 10, "request latency " + latency + " ms covers TTFT + 15 ITL");
            assertEquals(tokens.get(15).receivedNs(), record.endNs(), "end is the last token-bearing event");

            assertTrue(record.queuedNs() <= record.startNs(), "queued <= start");
            assertTrue(record.startNs() <= record.ackNs(), "start <= ack");
            assertTrue(record.ackNs() <= first.receivedNs(), "ack <= first chunk");
            assertTrue(first.receivedNs() <= record.endNs(), "first chunk <= end");
            assertEquals(record.startNs(), record.scheduledStartNs(), "closed loop: scheduled = start");
            for (int i = 1; i < record.chunks().size(); i++) {
                assertTrue(record.chunks().get(i - 1).receivedNs() <= record.chunks().get(i).receivedNs());
            }
        }
    }

    @Test
    void nonStreamingChatIsOneChunkAtTheEndOfTheBody() throws Exception {
        TargetSpec target = chat(mock.baseUri(), false);
        try (EndpointClient client = new EndpointClient(target, 1)) {
            RequestRecord record = send(client, request(target, "Hello there", 5));

            assertNull(record.error(), () -> "unexpected error " + record.error());
            assertEquals(1, record.chunks().size());
            assertEquals(MockVocabulary.text(5), record.chunks().get(0).content());
            assertEquals(record.endNs(), record.chunks().get(0).receivedNs());
            assertEquals(5, record.usage().completionTokens());
            assertEquals(CL100K.countTokensOrdinary("Hello there"), record.usage().promptTokens());
            double latency = ms(record.endNs() - record.startNs());
            assertTrue(latency >= 50 + 4 * 10 && latency < 90 + SLACK_MS, "latency " + latency + " ms");
            assertTrue(record.ackNs() <= record.endNs());
        }
    }

    @Test
    void streamingCompletionsCarryTextDeltas() throws Exception {
        TargetSpec target = target(mock.baseUri(), EndpointType.COMPLETIONS, true, Duration.ofSeconds(20));
        try (EndpointClient client = new EndpointClient(target, 1)) {
            RequestRecord record = send(client, request(target, "Once upon a time", 7));

            assertNull(record.error(), () -> "unexpected error " + record.error());
            List<ResponseChunk> tokens = tokenBearing(record);
            assertEquals(7, tokens.size());
            assertEquals(MockVocabulary.text(7), String.join("", tokens.stream().map(ResponseChunk::content).toList()));
            assertEquals(7, record.usage().completionTokens());
            assertTrue(client.uri().getPath().endsWith("/v1/completions"));
        }
    }

    @Test
    void nonStreamingCompletionsCarryTheText() throws Exception {
        TargetSpec target = target(mock.baseUri(), EndpointType.COMPLETIONS, false, Duration.ofSeconds(20));
        try (EndpointClient client = new EndpointClient(target, 1)) {
            RequestRecord record = send(client, request(target, "Once upon a time", 3));

            assertNull(record.error(), () -> "unexpected error " + record.error());
            assertEquals(List.of(MockVocabulary.text(3)), record.chunks().stream().map(ResponseChunk::content).toList());
            assertEquals(3, record.usage().completionTokens());
        }
    }

    @Test
    void imagesTravelInTheBodyAndOnlyTheTextCountsAsPrompt() throws Exception {
        TargetSpec target = chat(mock.baseUri(), true);
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[2048]);
        DatasetEntry entry = new DatasetEntry("img-1", "What is in these pictures?",
                List.of(new ImageInput(png), new ImageInput(png)), 4);
        byte[] body = new RequestBodyFactory(target, -1).bytes(entry);
        OutgoingRequest request = OutgoingRequest.forEntry(entry, 3, Phase.WARMUP, body, RequestRecord.NOT_RECORDED);
        try (EndpointClient client = new EndpointClient(target, 1)) {
            RequestRecord record = send(client, request);

            assertNull(record.error(), () -> "unexpected error " + record.error());
            assertEquals(2, record.imageCount());
            assertEquals(3, record.entryIndex());
            assertEquals(Phase.WARMUP, record.phase());
            assertEquals(CL100K.countTokensOrdinary("What is in these pictures?"), record.usage().promptTokens());
            assertEquals(4, tokenBearing(record).size());
        }
    }

    @Test
    void sixtyFourConcurrentStreamsAllComplete() throws Exception {
        TargetSpec target = chat(mock.baseUri(), true);
        int n = 64;
        ConcurrentLinkedQueue<CompletedExchange> done = new ConcurrentLinkedQueue<>();
        CountDownLatch latch = new CountDownLatch(n);
        AtomicInteger callbacks = new AtomicInteger();
        try (EndpointClient client = new EndpointClient(target, n)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                OutgoingRequest request = request(target, "prompt " + i, 8);
                ids.add(request.requestId());
                client.send(request, exchange -> {
                    callbacks.incrementAndGet();
                    done.add(exchange);
                    latch.countDown();
                });
            }
            assertTrue(latch.await(30, TimeUnit.SECONDS), "only " + (n - latch.getCount()) + " of 64 completed");
            Thread.sleep(50);
            assertEquals(n, callbacks.get(), "onDone exactly once per request");
            List<RequestRecord> records = done.stream().map(CompletedExchange::toRecord).toList();
            for (RequestRecord record : records) {
                assertNull(record.error(), () -> "unexpected error " + record.error());
                assertEquals(8, tokenBearing(record).size());
            }
            assertEquals(ids.stream().sorted().toList(), records.stream().map(RequestRecord::requestId).sorted().toList());
        }
    }

    @Test
    void aStreamWrittenInOnePieceIsParsedOffTheNetworkThreadAndDecodesTheSame() throws Exception {
        // 128 events in one write of about 20 KiB: the network thread copies the reads, and the
        // thread that first uses the events parses them.
        try (MockServer whole = MockServer.start(MockSettings.defaults().withTiming(0, 0).withOutputTokens(128))) {
            TargetSpec target = chat(whole.baseUri(), true);
            try (EndpointClient client = new EndpointClient(target, 2)) {
                CompletableFuture<Boolean> parsedOnNetworkThread = new CompletableFuture<>();
                CompletableFuture<CompletedExchange> done = new CompletableFuture<>();
                client.send(request(target, "Tell me everything.", -1), exchange -> {
                    parsedOnNetworkThread.complete(!(exchange.decodedEvents() instanceof DeferredReads.Parsed<?> view)
                            || view.parsed());
                    done.complete(exchange);
                });
                CompletedExchange exchange = done.get(30, TimeUnit.SECONDS);
                assertFalse(parsedOnNetworkThread.get(), "the network thread handed the stream on unparsed");
                RequestRecord record = exchange.toRecord();
                assertNull(record.error(), () -> "unexpected error " + record.error());
                List<ResponseChunk> tokens = tokenBearing(record);
                assertEquals(128, tokens.size());
                assertEquals(MockVocabulary.text(128), String.join("", tokens.stream().map(ResponseChunk::content).toList()));
                assertEquals(128, record.usage().completionTokens());
                assertTrue(record.ackNs() <= tokens.get(0).receivedNs() && tokens.get(0).receivedNs() <= record.endNs());

                // With a first-token callback (--prefill-concurrency) the stream is parsed as it arrives.
                AtomicInteger firstTokens = new AtomicInteger();
                CompletableFuture<CompletedExchange> withCallback = new CompletableFuture<>();
                client.send(request(target, "Tell me everything.", -1), firstTokens::incrementAndGet,
                        withCallback::complete);
                CompletedExchange parsed = withCallback.get(30, TimeUnit.SECONDS);
                assertFalse(parsed.decodedEvents() instanceof DeferredReads.Parsed<?>, "parsed on arrival");
                assertEquals(1, firstTokens.get());
                assertEquals(record.chunks().stream().map(ResponseChunk::content).toList(),
                        parsed.toRecord().chunks().stream().map(ResponseChunk::content).toList());
            }
        }
    }

    @Test
    void aPacedStreamIsParsedAsItArrives() throws Exception {
        // One event per read (tokens 10 ms apart): parsing in place costs less than copying.
        TargetSpec target = chat(mock.baseUri(), true);
        try (EndpointClient client = new EndpointClient(target, 2)) {
            CompletedExchange exchange = Exchanges.exchange(client, request(target, "Tell me a story.", -1));
            assertFalse(exchange.decodedEvents() instanceof DeferredReads.Parsed<?>);
            assertEquals(16, tokenBearing(exchange.toRecord()).size());
        }
    }

    @Test
    void baseUrlWithV1OrTrailingSlashIsNotDoubled() {
        assertEquals("http://h:1/v1/chat/completions",
                EndpointClient.endpointUri(java.net.URI.create("http://h:1/v1/"), EndpointType.CHAT).toString());
        assertEquals("http://h:1/v1/completions",
                EndpointClient.endpointUri(java.net.URI.create("http://h:1"), EndpointType.COMPLETIONS).toString());
    }

    @Test
    void threadBudgetIsBoundedBySizeOfMachine() {
        EndpointClient.ThreadBudget two = EndpointClient.ThreadBudget.forMachine(2);
        assertEquals(4, two.workers());
        assertEquals(2, two.selectors());
        assertEquals(1, EndpointClient.ThreadBudget.forMachine(1).selectors());
        EndpointClient.ThreadBudget big = EndpointClient.ThreadBudget.forMachine(64);
        assertEquals(128, big.workers());
        assertEquals(8, big.selectors());
    }
}
