package io.llmbench.runtime.client;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.record.Phase;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test helpers: targets, requests, and sending one request to completion. */
final class Exchanges {

    private Exchanges() {
    }

    static TargetSpec target(URI url, EndpointType type, boolean streaming, Duration timeout) {
        return new TargetSpec(url, "test-model", type, streaming, null, Map.of(), Map.of(), timeout);
    }

    static TargetSpec chat(URI url, boolean streaming) {
        return target(url, EndpointType.CHAT, streaming, Duration.ofSeconds(20));
    }

    static OutgoingRequest request(TargetSpec target, String prompt, int maxTokens) {
        DatasetEntry entry = new DatasetEntry("conv-1", prompt, List.of(), maxTokens);
        byte[] body = new RequestBodyFactory(target, -1).bytes(entry);
        return OutgoingRequest.forEntry(entry, 0, Phase.PROFILING, body, RequestRecord.NOT_RECORDED);
    }

    /** Sends one request and waits (on the test thread) for its exchange. */
    static CompletedExchange exchange(EndpointClient client, OutgoingRequest request) throws Exception {
        CompletableFuture<CompletedExchange> done = new CompletableFuture<>();
        client.send(request, done::complete);
        return done.get(30, TimeUnit.SECONDS);
    }

    static RequestRecord send(EndpointClient client, OutgoingRequest request) throws Exception {
        return exchange(client, request).toRecord();
    }
}
