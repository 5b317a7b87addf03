package io.llmbench.runtime.spec;

import java.net.URI;
import java.util.List;

/**
 * The endpoint settings beyond one URL and one model: how requests spread over servers and models,
 * how the connection is made, and the body template of the {@code template} endpoint type.
 *
 * @param extraUrls base URLs besides the target's own, used round-robin with it (empty for one server)
 * @param extraModels model names besides the target's own (empty for one model)
 * @param modelSelection {@code round_robin} or {@code random}: how each request picks its model
 * @param customEndpoint a path that replaces the endpoint type's own (e.g. {@code /v1/custom/chat}),
 *     or {@code null}
 * @param insecure whether TLS certificates and host names go unchecked ({@code --insecure})
 * @param template the JSON body template of the {@code template} endpoint type (its text, with
 *     {@code {{text}}}, {@code {{model}}}, {@code {{max_tokens}}}, {@code {{stream}}} placeholders), or {@code null}
 * @param responseField the dotted path to the text in a {@code template} endpoint's answers
 *     ({@code choices.0.text}), or {@code null} for the OpenAI shapes' fields
 * @param http2 whether to speak HTTP/2: h2c with prior knowledge on {@code http://}, ALPN on {@code https://}
 * @param useServerTokenCount whether ISL and OSL come from the server's {@code usage} alone, the client
 *     tokenizing nothing ({@code --use-server-token-count})
 * @param connectionReuse how requests use connections ({@code --connection-reuse-strategy})
 */
public record EndpointSettings(List<URI> extraUrls, List<String> extraModels, String modelSelection,
        String customEndpoint, boolean insecure, String template, String responseField, boolean http2,
        boolean useServerTokenCount, ConnectionReuse connectionReuse) {

    /** Round-robin over the models. */
    public static final String ROUND_ROBIN = "round_robin";
    /** A random model for each request (seeded by the run's random seed). */
    public static final String RANDOM = "random";

    public EndpointSettings {
        extraUrls = List.copyOf(extraUrls);
        extraModels = List.copyOf(extraModels);
        modelSelection = modelSelection == null ? ROUND_ROBIN : modelSelection;
        connectionReuse = connectionReuse == null ? ConnectionReuse.POOLED : connectionReuse;
    }

    /** Settings that count tokens with the client's tokenizer. */
    public EndpointSettings(List<URI> extraUrls, List<String> extraModels, String modelSelection,
            String customEndpoint, boolean insecure, String template, String responseField, boolean http2) {
        this(extraUrls, extraModels, modelSelection, customEndpoint, insecure, template, responseField, http2, false,
                ConnectionReuse.POOLED);
    }

    /** Settings without a template. */
    public EndpointSettings(List<URI> extraUrls, List<String> extraModels, String modelSelection,
            String customEndpoint, boolean insecure) {
        this(extraUrls, extraModels, modelSelection, customEndpoint, insecure, null, null, false);
    }

    /** One server, one model, the endpoint type's path, verified TLS. */
    public static EndpointSettings none() {
        return new EndpointSettings(List.of(), List.of(), ROUND_ROBIN, null, false);
    }
}
