package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The run header's {@code # Target:} line: every server and model a run spreads its requests over
 * (with how it picks them), the endpoint type, a custom path, streaming, and the transport choices
 * that change what is measured (HTTP/2, unverified TLS), so a reader of the console knows what was
 * measured without the command line.
 */
final class TargetDescription {

    private TargetDescription() {
    }

    /** E.g. {@code http://a:8000 + http://b:8000 (round-robin), models m1, m2 (random), chat, streaming}. */
    static String of(TargetSpec target) {
        EndpointSettings endpoint = target.endpoint();
        List<String> urls = new ArrayList<>();
        urls.add(target.url().toString());
        for (URI url : endpoint.extraUrls()) {
            urls.add(url.toString());
        }
        StringBuilder line = new StringBuilder(String.join(" + ", urls));
        if (urls.size() > 1) {
            line.append(" (round-robin)");
        }
        List<String> models = target.models();
        line.append(models.size() > 1 ? ", models " + String.join(", ", models) + " ("
                + endpoint.modelSelection().replace('_', '-') + ")" : ", model " + target.model());
        line.append(", ").append(target.endpointType().cliName());
        if (endpoint.customEndpoint() != null) {
            line.append(" at ").append(endpoint.customEndpoint());
        }
        line.append(", ").append(target.streaming() ? "streaming" : "non-streaming");
        if (endpoint.http2()) {
            line.append(", HTTP/2");
        }
        if (endpoint.insecure()) {
            line.append(", TLS not verified (--insecure)");
        }
        if (endpoint.connectionReuse() != io.llmbench.runtime.spec.ConnectionReuse.POOLED) {
            line.append(", connections: ").append(endpoint.connectionReuse().cliName());
        }
        if (endpoint.useServerTokenCount()) {
            line.append(", token counts from server usage");
        }
        return line.toString();
    }
}
