package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.request;
import static io.llmbench.runtime.client.Exchanges.send;
import static io.llmbench.runtime.client.Exchanges.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.mock.MockVocabulary;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.TargetSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every API shape, through the real client, against the mock server that speaks it. */
class ApiShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockSettings.defaults().withTiming(5, 1).withOutputTokens(12));
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    private static RequestRecord roundTrip(EndpointType type, boolean streaming) throws Exception {
        TargetSpec target = target(mock.baseUri(), type, streaming, Duration.ofSeconds(20));
        try (EndpointClient client = new EndpointClient(target, 2)) {
            return send(client, request(target, "What is the capital of France? Paris is the capital of France, "
                    + "and Lyon is a large city in the south east of the country near the Alps.", 8));
        }
    }

    @ParameterizedTest
    @CsvSource({"RESPONSES,true", "RESPONSES,false", "MESSAGES,true", "MESSAGES,false",
        "HUGGINGFACE_GENERATE,true", "HUGGINGFACE_GENERATE,false", "CHAT,true", "COMPLETIONS,false"})
    void generativeShapesRoundTripWithTextUsageAndTokenTiming(EndpointType type, boolean streaming) throws Exception {
        RequestRecord record = roundTrip(type, streaming);
        assertNull(record.error(), () -> type + " failed: " + record.error());
        List<ResponseChunk> tokens = record.chunks().stream().filter(ResponseChunk::isTokenBearing).toList();
        assertEquals(streaming ? 8 : 1, tokens.size(), "token-bearing events of " + type);
        String text = String.join("", tokens.stream().map(ResponseChunk::content).toList());
        assertEquals(MockVocabulary.text(8), text, "the text of " + type);
        assertEquals(8, record.usage().completionTokens(), "usage of " + type);
    }

    @ParameterizedTest
    @EnumSource(value = EndpointType.class, names = {"EMBEDDINGS", "NIM_RANKINGS", "HF_TEI_RANKINGS",
        "COHERE_RANKINGS"})
    void embeddingAndRankingShapesSucceedWithoutOutputText(EndpointType type) throws Exception {
        RequestRecord record = roundTrip(type, false);
        assertNull(record.error(), () -> type + " failed: " + record.error());
        assertEquals(200, record.httpStatus());
        assertEquals(1, record.chunks().size());
        assertTrue(record.chunks().get(0).content().isEmpty());
    }

    @Test
    void rankingBodiesCarryAQueryAndThreePassagesUnderEachApisNames() {
        DatasetEntry entry = new DatasetEntry("c", "one two three four five six seven eight nine ten eleven twelve",
                List.of(), -1);
        JsonNode nim = tree(EndpointType.NIM_RANKINGS, entry);
        assertEquals("one two three", nim.path("query").path("text").asText());
        assertEquals(3, nim.path("passages").size());
        assertEquals(3, tree(EndpointType.HF_TEI_RANKINGS, entry).path("texts").size());
        JsonNode cohere = tree(EndpointType.COHERE_RANKINGS, entry);
        assertEquals("one two three", cohere.path("query").asText());
        assertEquals("four five six", cohere.path("documents").get(0).asText());
        JsonNode messages = tree(EndpointType.MESSAGES, entry);
        assertEquals(1024, messages.path("max_tokens").asInt(), "Anthropic requires max_tokens");
        JsonNode tgi = tree(EndpointType.HUGGINGFACE_GENERATE, entry);
        assertEquals(entry.text(), tgi.path("inputs").asText());
        JsonNode responses = tree(EndpointType.RESPONSES, new DatasetEntry("c", "hi", List.of(), 5));
        assertEquals(5, responses.path("max_output_tokens").asInt());
    }

    private static JsonNode tree(EndpointType type, DatasetEntry entry) {
        TargetSpec target = target(mock.baseUri(), type, false, Duration.ofSeconds(5));
        return new RequestBodyFactory(target, -1).tree(entry);
    }

    @Test
    void endpointPathsFollowEachApi() {
        java.net.URI base = java.net.URI.create("http://h:1");
        assertEquals("http://h:1/v1/embeddings", EndpointClient.endpointUri(base, EndpointType.EMBEDDINGS).toString());
        assertEquals("http://h:1/v1/ranking", EndpointClient.endpointUri(base, EndpointType.NIM_RANKINGS).toString());
        assertEquals("http://h:1/rerank", EndpointClient.endpointUri(base, EndpointType.HF_TEI_RANKINGS).toString());
        assertEquals("http://h:1/v2/rerank", EndpointClient.endpointUri(base, EndpointType.COHERE_RANKINGS).toString());
        assertEquals("http://h:1/v1/responses", EndpointClient.endpointUri(base, EndpointType.RESPONSES).toString());
        assertEquals("http://h:1/v1/messages", EndpointClient.endpointUri(base, EndpointType.MESSAGES).toString());
        assertEquals("http://h:1/generate_stream",
                EndpointClient.endpointUri(base, EndpointType.HUGGINGFACE_GENERATE, true).toString());
    }

    private static SseEvent event(String name, String data) {
        return new SseEvent(name, data.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void reasoningDeltasOfResponsesAndMessagesAreReasoningNotContent() {
        ResponseDecoder.Decoded responses = ApiShape.of(EndpointType.RESPONSES).decodeEvents(List.of(
                event("response.reasoning_text.delta", "{\"type\":\"response.reasoning_text.delta\",\"delta\":\"hm\"}"),
                event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"delta\":\"ok\"}")));
        assertEquals("hm", responses.chunks().get(0).reasoning());
        assertEquals("ok", responses.chunks().get(1).content());
        ResponseDecoder.Decoded messages = ApiShape.of(EndpointType.MESSAGES).decodeEvents(List.of(event(
                "content_block_delta", "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"thinking_delta\","
                        + "\"thinking\":\"hmm\"}}")));
        assertEquals("hmm", messages.chunks().get(0).reasoning());
        ResponseDecoder.Decoded error = ApiShape.of(EndpointType.MESSAGES).decodeEvents(List.of(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        assertEquals(ErrorType.RESPONSE, error.error().type());
        assertTrue(error.error().message().contains("Overloaded"));
    }

    @ParameterizedTest
    @CsvSource({"RESPONSES,'output' array", "MESSAGES,'content' array", "EMBEDDINGS,'data' array of embeddings"})
    void wholeBodiesThatAreNotJsonReportAnErrorOrLackTheArrayFailAsResponseErrors(EndpointType type, String array) {
        ApiShape shape = ApiShape.of(type);
        ResponseDecoder.Decoded html = shape.decodeBody("<html>busy</html>".getBytes(StandardCharsets.UTF_8), 1);
        assertEquals(ErrorType.RESPONSE, html.error().type());
        assertTrue(html.error().message().startsWith("malformed JSON response body: <html>"), html.error().message());
        ResponseDecoder.Decoded error = shape.decodeBody(
                "{\"error\":{\"message\":\"overloaded\",\"code\":529}}".getBytes(StandardCharsets.UTF_8), 1);
        assertEquals(529, error.error().code());
        assertTrue(error.error().message().contains("overloaded"), error.error().message());
        ResponseDecoder.Decoded missing = shape.decodeBody("{\"error\":null,\"id\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8), 1);
        assertTrue(missing.error().message().startsWith("response body has no " + array), missing.error().message());
        assertTrue(missing.chunks().isEmpty());
    }

    @Test
    void aResponsesStreamEndsAtCompletedOrIncompleteByNameOrType() {
        ApiShape shape = ApiShape.of(EndpointType.RESPONSES);
        assertTrue(shape.complete(List.of(event("response.incomplete", "{}"))));
        assertTrue(shape.complete(List.of(event(null, "{\"type\":\"response.completed\"}"), event(null, "{}"))));
        assertTrue(!shape.complete(List.of(event("response.output_text.delta", "{\"delta\":\"x\"}"))));
    }

    @Test
    void aMessagesStreamWithoutMessageStopIsIncomplete() {
        assertTrue(!ApiShape.of(EndpointType.MESSAGES).complete(List.of(event("message_start",
                "{\"type\":\"message_start\",\"message\":{}}"))));
        assertTrue(ApiShape.of(EndpointType.MESSAGES).complete(List.of(event("message_stop",
                "{\"type\":\"message_stop\"}"))));
    }
}
