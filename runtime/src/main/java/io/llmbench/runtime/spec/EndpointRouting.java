package io.llmbench.runtime.spec;

import java.net.URI;
import java.util.List;

/**
 * How requests spread over servers and models, and how the connection is made.
 *
 * @param extraUrls base URLs besides the target's own, used round-robin with it (empty for one server)
 * @param extraModels model names besides the target's own (empty for one model)
 * @param modelSelection {@code round_robin} or {@code random}: how each request picks its model
 * @param customEndpoint a path that replaces the endpoint type's own (e.g. {@code /v1/custom/chat}),
 *     or {@code null}
 * @param insecure whether TLS certificates and host names go unchecked ({@code --insecure})
 */
public record EndpointRouting(List<URI> extraUrls, List<String> extraModels, String modelSelection,
        String customEndpoint, boolean insecure) {

    /** Round-robin over the models. */
    public static final String ROUND_ROBIN = "round_robin";
    /** A random model for each request (seeded by the run's random seed). */
    public static final String RANDOM = "random";

    public EndpointRouting {
        extraUrls = List.copyOf(extraUrls);
        extraModels = List.copyOf(extraModels);
        modelSelection = modelSelection == null ? ROUND_ROBIN : modelSelection;
    }

    /** One server, one model, the endpoint type's path, verified TLS. */
    public static EndpointRouting none() {
        return new EndpointRouting(List.of(), List.of(), ROUND_ROBIN, null, false);
    }
}
