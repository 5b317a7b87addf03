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
        var settings = spec.target().endpoint();
        endpoint.put("urls", java.util.stream.Stream.concat(java.util.stream.Stream.of(spec.target().url()),
                settings.extraUrls().stream()).map(Object::toString).toList());
        endpoint.put("models", spec.target().models());
        endpoint.put("model_selection_strategy", settings.modelSelection());
        endpoint.put("custom_endpoint", settings.customEndpoint());
        endpoint.put("insecure", settings.insecure());
        endpoint.put("http2", settings.http2());
        endpoint.put("use_server_token_count", settings.useServerTokenCount());
        endpoint.put("connection_reuse_strategy", settings.connectionReuse().cliName());
        endpoint.put("template_body", settings.template());
        endpoint.put("response_field", settings.responseField());
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
        input.put("custom_dataset_type", spec.input().customDatasetType());
        input.put("synthesis", synthesis(spec.input().synthesis()));
        config.put("input", input);
        config.put("goodput", spec.goodput().isEmpty() ? null : spec.goodput());
        config.put("artifact_dir", spec.artifactDir().toString());
        return config;
    }

    private static Map<String, Object> synthesis(io.llmbench.runtime.spec.SynthesisSpec s) {
        Map<String, Object> synthesis = new LinkedHashMap<>();
        synthesis.put("output_tokens_stddev", s.outputTokensStddev());
        synthesis.put("sequence_distribution", s.sequenceDistribution());
        synthesis.put("isl_block_size", s.islBlockSize() > 0 ? s.islBlockSize() : null);
        synthesis.put("num_prefix_prompts", s.numPrefixPrompts());
        synthesis.put("prefix_prompt_length", s.prefixPromptLength());
        synthesis.put("shared_system_prompt_length", s.sharedSystemPromptLength());
        synthesis.put("user_context_prompt_length", s.userContextPromptLength());
        synthesis.put("image_width_stddev", s.imageWidthStddev());
        synthesis.put("image_height_stddev", s.imageHeightStddev());
        synthesis.put("image_batch_size", s.imageBatchSize());
        synthesis.put("audio_length_mean", s.audioLengthMean());
        synthesis.put("audio_length_stddev", s.audioLengthStddev());
        synthesis.put("audio_format", s.audioFormat());
        synthesis.put("audio_sample_rates", s.audioSampleRatesKhz());
        synthesis.put("audio_depths", s.audioDepths());
        synthesis.put("audio_num_channels", s.audioNumChannels());
        synthesis.put("audio_batch_size", s.audioBatchSize());
        Map<String, Object> turns = new LinkedHashMap<>();
        turns.put("mean", s.turns().turnMean());
        turns.put("stddev", s.turns().turnStddev());
        turns.put("delay_mean_ms", s.turns().delayMeanMs());
        turns.put("delay_stddev_ms", s.turns().delayStddevMs());
        turns.put("delay_ratio", s.turns().delayRatio());
        synthesis.put("conversation_turn", turns);
        return synthesis;
    }

    static Map<String, String> redactedHeaders(Map<String, String> headers) {
        Map<String, String> redacted = new LinkedHashMap<>();
        headers.forEach((name, value) ->
                redacted.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value));
        return redacted;
    }
}
