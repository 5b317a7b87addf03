package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.exchange;
import static io.llmbench.runtime.client.Exchanges.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.mock.MockVocabulary;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The template endpoint: the user's body with placeholders, and a path to the text in the answers. */
class TemplateShapeTest {

    private static final String TEMPLATE = "{\"model\": {{model}}, \"prompt\": {{text}}, "
            + "\"max_tokens\": {{max_tokens}}, \"stream\": {{stream}}, \"temperature\": 0}";

    private static TargetSpec target(URI url, boolean streaming, String template, String field) {
        return new TargetSpec(url, "m", EndpointType.TEMPLATE, streaming, null, Map.of(), Map.of(),
                Duration.ofSeconds(10), new EndpointSettings(List.of(), List.of(), null, "/v1/completions", false,
                        template, field, false));
    }

    @Test
    void placeholdersBecomeJsonValues() {
        TargetSpec target = target(URI.create("http://127.0.0.1:1"), true, TEMPLATE, "choices.0.text");
        var body = new RequestBodyFactory(target, 7).tree(new DatasetEntry("c", "say \"hi\"\n", List.of(), -1));
        assertEquals("say \"hi\"\n", body.path("prompt").asText());
        assertEquals("m", body.path("model").asText());
        assertEquals(7, body.path("max_tokens").asInt());
        assertTrue(body.path("stream").asBoolean());
        assertEquals(0, body.path("temperature").asInt());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theResponseFieldFindsTheTextInBodiesAndEvents(boolean streaming) throws Exception {
        try (MockServer mock = MockServer.start(MockSettings.defaults().withTiming(2, 1))) {
            TargetSpec target = target(mock.baseUri(), streaming, TEMPLATE, "choices.0.text");
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = exchange(client, request(target, "hello", 6)).toRecord();
                assertNull(record.error(), () -> "failed: " + record.error());
                String text = String.join("", record.chunks().stream().map(ResponseChunk::content).toList());
                assertEquals(MockVocabulary.text(6), text);
            }
        }
    }

    @Test
    void aResponseFieldThatMatchesNothingIsAResponseError() throws Exception {
        try (MockServer mock = MockServer.start(MockSettings.defaults().withTiming(2, 1))) {
            TargetSpec target = target(mock.baseUri(), false, TEMPLATE, "choices.0.nothing");
            try (EndpointClient client = new EndpointClient(target, 1)) {
                RequestRecord record = exchange(client, request(target, "hello", 3)).toRecord();
                assertEquals(ErrorType.RESPONSE, record.error().type());
                assertTrue(record.error().message().contains("choices.0.nothing"), record.error().message());
            }
        }
    }

    @Test
    void aTemplateThatIsNotJsonIsOneUserError() {
        UserInputException quoted = assertThrows(UserInputException.class, () -> new RequestBodyFactory(
                target(URI.create("http://127.0.0.1:1"), false, "{\"prompt\": \"{{text}}\"", null), -1));
        assertTrue(quoted.getMessage().startsWith("--template-body does not render to a JSON object"),
                quoted.getMessage());
        assertThrows(UserInputException.class, () -> new RequestBodyFactory(
                target(URI.create("http://127.0.0.1:1"), false, null, null), -1));
    }
}
