package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.ConnectionReuse;
import io.llmbench.runtime.spec.EndpointSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The endpoint options beyond one URL and one model: {@code --custom-endpoint},
 * {@code --model-selection-strategy}, {@code --insecure}, and the second and further {@code --url}
 * and {@code --model} given (both options are repeatable). Documented in {@code docs/cli.md}.
 */
final class EndpointOptions {

    static final String CUSTOM_ENDPOINT = "custom-endpoint";
    static final String MODEL_SELECTION = "model-selection-strategy";
    static final String INSECURE = "insecure";
    static final String TEMPLATE_BODY = "template-body";
    static final String RESPONSE_FIELD = "response-field";
    static final String HTTP2 = "http2";
    static final String USE_SERVER_TOKEN_COUNT = "use-server-token-count";
    static final String CONNECTION_REUSE = "connection-reuse-strategy";

    private EndpointOptions() {
    }

    /** Adds the endpoint options to {@code options}. */
    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt(CUSTOM_ENDPOINT).hasArg().argName("PATH")
                .desc("Path requests are posted to, instead of the endpoint type's (e.g. /v1/my/chat).").get());
        options.addOption(Option.builder().longOpt(MODEL_SELECTION).hasArg().argName("STRATEGY")
                .desc("With several --model: round_robin (default) or random.").get());
        options.addOption(Option.builder().longOpt(INSECURE)
                .desc("Do not verify the server's TLS certificate or host name (https only).").get());
        options.addOption(Option.builder().longOpt(HTTP2)
                .desc("Speak HTTP/2: h2c (prior knowledge) on http:// URLs, ALPN-negotiated h2 on https://.").get());
        options.addOption(Option.builder().longOpt(USE_SERVER_TOKEN_COUNT)
                .desc("Take ISL and OSL from the server's usage and tokenize nothing (requests without usage "
                        + "have no token counts).").get());
        options.addOption(Option.builder().longOpt(CONNECTION_REUSE).hasArg().argName("STRATEGY")
                .desc("pooled (default): connections reused by any request; never: a new connection per request; "
                        + "sticky-user-sessions: one connection per multi-turn session, closed after its last turn.")
                .get());
        options.addOption(Option.builder().longOpt(TEMPLATE_BODY).hasArg().argName("FILE|JSON")
                .desc("--endpoint-type template: the JSON body, with {{text}}, {{model}}, {{max_tokens}}, "
                        + "{{stream}} placeholders; a file or the JSON itself.").get());
        options.addOption(Option.builder().longOpt(RESPONSE_FIELD).hasArg().argName("PATH")
                .desc("--endpoint-type template: dotted path to the text in each answer, e.g. choices.0.text.")
                .get());
    }

    /** The routing the command line asks for. */
    static EndpointSettings parse(CommandLine line) {
        List<URI> extraUrls = new ArrayList<>();
        String[] urls = line.getOptionValues(CliOptions.URL);
        if (urls != null) {
            for (int i = 1; i < urls.length; i++) {
                extraUrls.add(URI.create(CliParser.url(urls[i])));
            }
        }
        List<String> extraModels = new ArrayList<>();
        String[] models = line.getOptionValues(CliOptions.MODEL);
        if (models != null) {
            for (int i = 1; i < models.length; i++) {
                if (models[i].isBlank()) {
                    throw new UserInputException("--model needs a model name, not an empty string");
                }
                extraModels.add(models[i].strip());
            }
        }
        String strategy = line.getOptionValue(MODEL_SELECTION);
        if (strategy != null) {
            strategy = strategy.strip().toLowerCase(Locale.ROOT);
            if (!strategy.equals(EndpointSettings.ROUND_ROBIN) && !strategy.equals(EndpointSettings.RANDOM)) {
                throw new UserInputException("--" + MODEL_SELECTION + " '" + line.getOptionValue(MODEL_SELECTION)
                        + "' is not a strategy: use round_robin or random");
            }
        }
        String custom = line.getOptionValue(CUSTOM_ENDPOINT);
        if (custom != null) {
            custom = custom.strip();
            if (custom.isEmpty() || custom.contains("://") || custom.contains("?") || custom.contains(" ")) {
                throw new UserInputException("--" + CUSTOM_ENDPOINT + " '" + line.getOptionValue(CUSTOM_ENDPOINT)
                        + "' is not a path: give one such as /v1/my/chat (the server comes from --url)");
            }
            custom = custom.startsWith("/") ? custom : "/" + custom;
        }
        ConnectionReuse reuse = null;
        String reuseName = line.getOptionValue(CONNECTION_REUSE);
        if (reuseName != null) {
            reuse = ConnectionReuse.fromCliName(reuseName);
            if (reuse == null) {
                throw new UserInputException("--" + CONNECTION_REUSE + " '" + reuseName + "' is not a strategy: use "
                        + ConnectionReuse.names());
            }
        }
        return new EndpointSettings(extraUrls, extraModels, strategy, custom, line.hasOption(INSECURE),
                template(line.getOptionValue(TEMPLATE_BODY)), line.getOptionValue(RESPONSE_FIELD),
                line.hasOption(HTTP2), line.hasOption(USE_SERVER_TOKEN_COUNT), reuse);
    }

    /** The template's text: the value itself when it looks like JSON, else the file it names. */
    private static String template(String value) {
        if (value == null || value.strip().startsWith("{")) {
            return value;
        }
        Path file = Path.of(value.strip());
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--" + TEMPLATE_BODY + " " + value + ": cannot read the template file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); give a readable file or the JSON body itself");
        }
    }
}
