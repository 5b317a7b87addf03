package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run header names every server and model a run uses, and the transport choices. */
class TargetDescriptionTest {

    private static TargetSpec target(EndpointSettings endpoint, boolean streaming) {
        return new TargetSpec(URI.create("http://a:8000"), "m1", EndpointType.CHAT, streaming, null, Map.of(),
                Map.of(), Duration.ofSeconds(5), endpoint);
    }

    @Test
    void oneServerAndOneModelReadAsBefore() {
        assertEquals("http://a:8000, model m1, chat, non-streaming",
                TargetDescription.of(target(EndpointSettings.none(), false)));
    }

    @Test
    void severalServersAndModelsAreAllNamedWithHowTheyArePicked() {
        EndpointSettings endpoint = new EndpointSettings(List.of(URI.create("https://b:8443")), List.of("m2", "m3"),
                EndpointSettings.RANDOM, "/v1/custom", true, null, null, true);
        assertEquals("http://a:8000 + https://b:8443 (round-robin), models m1, m2, m3 (random), chat at /v1/custom, "
                + "streaming, HTTP/2, TLS not verified (--insecure)", TargetDescription.of(target(endpoint, true)));
    }
}
