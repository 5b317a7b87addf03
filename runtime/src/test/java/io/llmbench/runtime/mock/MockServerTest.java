package io.llmbench.runtime.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock server, driven by the JDK's HTTP client (independent of llmbench's own client). */
class MockServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MockServer mock;

    @BeforeAll
    static void start() {
        mock = MockServer.start(MockSettings.defaults().withTiming(0, 0).withOutputTokens(6).withModel("served/model"));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(mock.baseUri().resolve(path))
                .header("Content-Type", "application/json").header("X-Request-ID", "rid-7")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(mock.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The data of each event, in order. */
    private static List<String> events(String body) throws Exception {
        List<String> data = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(body))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        }
        return data;
    }

    @Test
    void declaresItsHandlerNonBlockingSoJettyMayRunItOnTheSelector() {
        // Every path of the handler reads bodies asynchronously and schedules delayed writes on the
        // timer, so Jetty may run it on the selector: no thread hop between request and answer.
        assertEquals(InvocationType.NON_BLOCKING, mock.invocationType());
    }

    @Test
    void everyVocabularyWordIsOneTokenAndTextsCountExactly() {
        for (int i = 0; i < 64; i++) {
            assertEquals(1, CL100K.countTokensOrdinary(MockVocabulary.token(i)), "token " + i);
        }
        assertEquals(300, CL100K.countTokensOrdinary(MockVocabulary.text(300)));
    }

    @Test
    void streamingChatIsShapedLikeVllm() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"any/name\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Hello world, how are you?\"}],\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"max_completion_tokens\":4}");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("rid-7", response.headers().firstValue("X-Request-ID").orElse(""));
        List<String> events = events(response.body());
        assertEquals(1 + 4 + 1 + 1, events.size(), "role, 4 tokens, usage, [DONE]: " + events);

        JsonNode role = JSON.readTree(events.get(0));
        assertEquals("chat.completion.chunk", role.get("object").asText());
        assertEquals("any/name", role.get("model").asText(), "any model name is accepted and echoed");
        assertTrue(role.get("id").asText().startsWith("chatcmpl-"));
        assertTrue(role.get("created").isIntegralNumber());
        assertEquals("assistant", role.at("/choices/0/delta/role").asText());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            JsonNode token = JSON.readTree(events.get(i));
            text.append(token.at("/choices/0/delta/content").asText());
            assertEquals(i == 4 ? "length" : null, token.at("/choices/0/finish_reason").textValue(), "event " + i);
            assertEquals(role.get("id"), token.get("id"));
        }
        assertEquals(MockVocabulary.text(4), text.toString());
        JsonNode usage = JSON.readTree(events.get(5));
        assertEquals(0, usage.get("choices").size());
        assertEquals(CL100K.countTokensOrdinary("Hello world, how are you?"), usage.at("/usage/prompt_tokens").asInt());
        assertEquals(4, usage.at("/usage/completion_tokens").asInt());
        assertEquals(usage.at("/usage/prompt_tokens").asInt() + 4, usage.at("/usage/total_tokens").asInt());
        assertEquals("[DONE]", events.get(6));
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageEventAndDefaultLengthStops() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}");

        List<String> events = events(response.body());
        assertEquals(1 + 6 + 1, events.size(), "role, 6 default tokens, [DONE]: " + events);
        assertEquals("stop", JSON.readTree(events.get(6)).at("/choices/0/finish_reason").asText());
        assertEquals("served/model", JSON.readTree(events.get(0)).get("model").asText());
    }

    @Test
    void nonStreamingChatHasTheWholeMessageAndExactUsage() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Look at this\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}],\"max_tokens\":3}");

        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals("assistant", body.at("/choices/0/message/role").asText());
        assertEquals(MockVocabulary.text(3), body.at("/choices/0/message/content").asText());
        assertEquals("length", body.at("/choices/0/finish_reason").asText());
        assertEquals(CL100K.countTokensOrdinary("Look at this"), body.at("/usage/prompt_tokens").asInt(),
                "images do not count");
        assertEquals(3, body.at("/usage/completion_tokens").asInt());
    }

    @Test
    void messagesAndResponsesUsageCountsThePromptTextOnlyNotRolesTypesOrImages() throws Exception {
        int text = CL100K.countTokensOrdinary("Look at this");
        JsonNode messages = JSON.readTree(post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":2,\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\"}},"
                + "{\"type\":\"text\",\"text\":\"Look at this\"}]}]}").body());
        assertEquals(text, messages.at("/usage/input_tokens").asInt(), messages.toString());
        JsonNode plain = JSON.readTree(post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":2,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Look at this\"}]}").body());
        assertEquals(text, plain.at("/usage/input_tokens").asInt(), "the role is not prompt text: " + plain);
        JsonNode responses = JSON.readTree(post("/v1/responses", "{\"model\":\"m\",\"max_output_tokens\":2,"
                + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Look at this\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\"}]}]}")
                .body());
        assertEquals(text, responses.at("/usage/input_tokens").asInt(), responses.toString());
    }

    @Test
    void completionsStreamTextEventsAndAcceptPromptArrays() throws Exception {
        HttpResponse<String> stream = post("/v1/completions",
                "{\"model\":\"m\",\"prompt\":\"Once upon\",\"stream\":true,\"max_tokens\":2,"
                        + "\"stream_options\":{\"include_usage\":true}}");
        List<String> events = events(stream.body());
        assertEquals(2 + 1 + 1, events.size(), "no role event for completions: " + events);
        JsonNode first = JSON.readTree(events.get(0));
        assertEquals("text_completion", first.get("object").asText());
        assertEquals(MockVocabulary.token(0), first.at("/choices/0/text").asText());

        HttpResponse<String> whole = post("/v1/completions", "{\"prompt\":[\"Once\",\" upon\"],\"max_tokens\":2}");
        JsonNode body = JSON.readTree(whole.body());
        assertEquals(MockVocabulary.text(2), body.at("/choices/0/text").asText());
        assertEquals(CL100K.countTokensOrdinary("Once") + CL100K.countTokensOrdinary(" upon"),
                body.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void malformedRequestsGetA400WithAnOpenAiErrorBody() throws Exception {
        for (String[] bad : new String[][] {
                {"/v1/chat/completions", "{not json"},
                {"/v1/chat/completions", "[]"},
                {"/v1/chat/completions", "{\"model\":\"m\"}"},
                {"/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}"},
                {"/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}"},
                {"/v1/completions", "{\"model\":\"m\"}"},
                {"/v1/completions", "{\"prompt\":{\"a\":1}}"}}) {
            HttpResponse<String> response = post(bad[0], bad[1]);
            assertEquals(400, response.statusCode(), bad[1]);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertFalse(error.get("message").asText().isBlank(), bad[1]);
            assertEquals("invalid_request_error", error.get("type").asText());
            assertEquals(400, error.get("code").asInt());
        }
    }

    @Test
    void modelsHealthAndUnknownRoutes() throws Exception {
        JsonNode models = JSON.readTree(get("/v1/models").body());
        assertEquals("list", models.get("object").asText());
        assertEquals("served/model", models.at("/data/0/id").asText());
        assertEquals("model", models.at("/data/0/object").asText());

        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> missing = get("/v2/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).at("/error/message").asText().contains("/v2/nothing"));
        assertEquals(405, get("/v1/chat/completions").statusCode());
    }

    /**
     * The harness's timing event ({@code X-Llmbench-Mock-Timing}), whole streams and paced ones alike:
     * named, before the first token, carrying the arrival and the first token's write on this
     * machine's monotonic clock, arrival first and the write after the time to first token.
     */
    @Test
    void aTimingRequestGetsTheMocksInstantsBeforeTheFirstTokenWholeOrPaced() throws Exception {
        for (MockSettings settings : List.of(MockSettings.defaults().withTiming(30, 0).withOutputTokens(3),
                MockSettings.defaults().withTiming(30, 5).withOutputTokens(3))) {
            try (MockServer server = MockServer.start(settings)) {
                long before = System.nanoTime();
                String body = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/v1/chat/completions"))
                        .header("X-Llmbench-Mock-Timing", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                int timing = body.indexOf("event: llmbench_mock_timing\n");
                assertTrue(timing >= 0, "itl " + settings.itlMs() + ": " + body);
                assertTrue(timing < body.indexOf("\"content\":\" "), "before the first token: " + body);
                JsonNode instants = JSON.readTree(events(body.substring(timing)).get(0)).get("llmbench_mock");
                long arrived = instants.get("arrived_ns").asLong();
                long sent = instants.get("sent_ns").asLong();
                assertTrue(arrived >= before, "the same monotonic clock as this JVM's: " + instants);
                assertTrue(sent - arrived >= 30_000_000L, "written after the 30 ms TTFT: " + instants);
                assertEquals(3, body.split("\"content\":\" ", -1).length - 1, "the tokens as ever: " + body);
            }
        }
        String plain = post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}").body();
        assertFalse(plain.contains("llmbench_mock"), "without the header, nothing changes");
    }

    @Test
    void tokensArePacedByTtftAndItl() throws Exception {
        try (MockServer slow = MockServer.start(MockSettings.defaults().withTiming(80, 20).withOutputTokens(5))) {
            HttpRequest request = HttpRequest.newBuilder(slow.baseUri().resolve("/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}")).build();
            long sent = System.nanoTime();
            HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            List<Long> arrivals = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("\"content\":\" ")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            }
            assertEquals(5, arrivals.size());
            double ttft = (arrivals.get(0) - sent) / 1e6;
            double last = (arrivals.get(4) - sent) / 1e6;
            // The lower bounds are the pacing; the upper ones only catch a mock that ignores its
            // timing, with room for a build machine whose two cores are saturated.
            assertTrue(ttft >= 80 && ttft < 80 + 1_500, "first token after " + ttft + " ms");
            // Tokens are due at fixed offsets from the arrival, never before them.
            assertTrue(last >= 80 + 4 * 20 && last < 160 + 1_500, "fifth token after " + last + " ms");
        }
    }

    @Test
    void errorRateOneAnswersEveryCompletionWith500() throws Exception {
        try (MockServer failing = MockServer.start(MockSettings.defaults().withErrorRate(1))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    failing.baseUri().resolve("/v1/completions")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"prompt\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertEquals("server_error", JSON.readTree(response.body()).at("/error/type").asText());
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MockSettings(-1, 0, 1, "m", 0));
        assertThrows(IllegalArgumentException.class, () -> new MockSettings(0, Double.NaN, 1, "m", 0));
        assertThrows(IllegalArgumentException.class, () -> new MockSettings(0, 0, 0, "m", 0));
        assertThrows(IllegalArgumentException.class, () -> new MockSettings(0, 0, 1, "m", 1.5));
    }

    @Test
    void baseUriHasTheEphemeralPort() {
        URI uri = mock.baseUri();
        assertEquals("127.0.0.1", uri.getHost());
        assertTrue(uri.getPort() > 0);
    }
}
