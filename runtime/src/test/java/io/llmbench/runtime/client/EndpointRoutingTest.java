package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.exchange;
import static io.llmbench.runtime.client.Exchanges.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several URLs taken in turn, a custom endpoint path, and the models of the body. */
class EndpointSettingsTest {

    private static final String BODY = "{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}";

    private static TargetSpec target(URI url, EndpointSettings routing) {
        return new TargetSpec(url, "m", EndpointType.CHAT, false, null, Map.of(), Map.of(), Duration.ofSeconds(10),
                routing);
    }

    @Test
    void severalUrlsAreUsedRoundRobin() throws Exception {
        try (ScriptedServer first = ScriptedServer.start(200, "application/json", ScriptedServer.immediately(BODY),
                ScriptedServer.Ending.COMPLETE);
                ScriptedServer second = ScriptedServer.start(200, "application/json",
                        ScriptedServer.immediately(BODY), ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = target(first.uri(), new EndpointSettings(List.of(second.uri()), List.of(),
                    null, null, false));
            try (EndpointClient client = new EndpointClient(target, 2)) {
                for (int i = 0; i < 6; i++) {
                    RequestRecord record = exchange(client, request(target, "hello", -1)).toRecord();
                    assertNull(record.error(), () -> "failed: " + record.error());
                }
            }
            assertEquals(3, first.received().size(), "every other request goes to the first server");
            assertEquals(3, second.received().size());
            assertEquals("/v1/chat/completions", second.received().get(0).path());
        }
    }

    @Test
    void aCustomEndpointReplacesTheTypesPathOnEveryServer() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(200, "application/json", ScriptedServer.immediately(BODY),
                ScriptedServer.Ending.COMPLETE)) {
            TargetSpec target = target(URI.create(server.uri() + "/v1"), new EndpointSettings(List.of(), List.of(),
                    null, "/v1/custom/generate", false));
            try (EndpointClient client = new EndpointClient(target, 1)) {
                assertNull(exchange(client, request(target, "hello", -1)).toRecord().error());
            }
            assertEquals("/v1/custom/generate", server.received().get(0).path(),
                    "the custom path replaces the type's, and a base ending in /v1 does not double it");
        }
    }

    @Test
    void eachModelGetsItsOwnBody() {
        TargetSpec target = target(URI.create("http://127.0.0.1:1"), new EndpointSettings(List.of(),
                List.of("second"), EndpointSettings.RANDOM, null, false));
        assertEquals(List.of("m", "second"), target.models());
        RequestBodyFactory factory = new RequestBodyFactory(target, -1);
        var entry = new io.llmbench.runtime.dataset.DatasetEntry("c", "hi", List.of(), -1);
        assertEquals("second", factory.tree(entry, "second").path("model").asText());
        assertEquals("m", factory.tree(entry).path("model").asText());
    }
}
