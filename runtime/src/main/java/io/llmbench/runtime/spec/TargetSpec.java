package io.llmbench.runtime.spec;

import io.llmbench.annotations.EndpointType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how requests are sent.
 *
 * @param url the server's base URL ({@code http://host:port}, no path)
 * @param model the model name sent in each request
 * @param endpointType chat or completions
 * @param streaming whether to request a streaming (SSE) response
 * @param apiKey sent as {@code Authorization: Bearer}, or {@code null}
 * @param headers extra headers, in order
 * @param extraInputs extra top-level JSON fields merged into every request body (values are JSON texts)
 * @param requestTimeout the timeout of one whole request
 * @param endpoint more servers and models, a custom path, TLS checking, a body template
 *     ({@link EndpointSettings#none()} by default)
 */
public record TargetSpec(
        URI url,
        String model,
        EndpointType endpointType,
        boolean streaming,
        String apiKey,
        Map<String, String> headers,
        Map<String, String> extraInputs,
        Duration requestTimeout,
        EndpointSettings endpoint) {

    public TargetSpec {
        headers = Map.copyOf(headers);
        extraInputs = Map.copyOf(extraInputs);
        endpoint = endpoint == null ? EndpointSettings.none() : endpoint;
    }

    /** A target on one server with one model. */
    public TargetSpec(URI url, String model, EndpointType endpointType, boolean streaming, String apiKey,
            Map<String, String> headers, Map<String, String> extraInputs, Duration requestTimeout) {
        this(url, model, endpointType, streaming, apiKey, headers, extraInputs, requestTimeout, EndpointSettings.none());
    }

    /** Every model requests may name: the target's own first. */
    public java.util.List<String> models() {
        java.util.List<String> models = new java.util.ArrayList<>();
        models.add(model);
        models.addAll(endpoint.extraModels());
        return models;
    }
}
