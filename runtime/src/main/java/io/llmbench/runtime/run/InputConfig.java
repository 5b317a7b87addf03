package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.RunSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every resolved setting of a run as the exports' {@code input_config}, with secrets redacted: the
 * API key and the values of credential headers never reach a file.
 */
final class InputConfig {

    static final String REDACTED = "<redacted>";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "api-key",
            "proxy-authorization", "cookie");

    private InputConfig() {
    }

    static Map<String, Object> of(RunSpec spec, String tokenizerName) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("benchmark", spec.benchmarkName());
        config.put("sweep_point", spec.point());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("url", spec.target().url().toString());
        endpoint.put("model", spec.target().model());
        endpoint.put("endpoint_type", spec.target().endpointType().cliName());
        endpoint.put("streaming", spec.target().streaming());
        endpoint.put("api_key", spec.target().apiKey() == null ? null : REDACTED);
        endpoint.put("headers", redactedHeaders(spec.target().headers()));
        endpoint.put("extra_inputs", spec.target().extraInputs());
        endpoint.put("request_timeout_seconds", spec.target().requestTimeout().toMillis() / 1000.0);
        config.put("endpoint", endpoint);
        config.put("load", LoadConfig.of(spec.load()));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("dataset", spec.input().dataset());
        input.put("synthetic_input_tokens_mean", spec.input().inputTokensMean());
        input.put("synthetic_input_tokens_stddev", spec.input().inputTokensStddev());
        input.put("output_tokens_mean", spec.input().outputTokens() < 0 ? null : spec.input().outputTokens());
        input.put("random_seed", spec.input().randomSeed());
        input.put("num_dataset_entries", spec.input().datasetEntries());
        input.put("image_width_mean", spec.input().imageWidthMean());
        input.put("image_height_mean", spec.input().imageHeightMean());
        input.put("image_format", spec.input().imageFormat());
        input.put("tokenizer", tokenizerName);
        config.put("input", input);
        config.put("goodput", spec.goodput().isEmpty() ? null : spec.goodput());
        config.put("artifact_dir", spec.artifactDir().toString());
        return config;
    }

    static Map<String, String> redactedHeaders(Map<String, String> headers) {
        Map<String, String> redacted = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                redacted.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value));
        return redacted;
    }
}
