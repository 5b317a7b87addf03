package io.llmbench.processor;

import io.llmbench.annotations.Batch;
import io.llmbench.annotations.Endpoint;
import io.llmbench.annotations.InputFile;
import io.llmbench.annotations.Load;
import io.llmbench.annotations.Output;
import io.llmbench.annotations.PublicDataset;
import io.llmbench.annotations.Tokenizer;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.annotations.RequestOptions;
import io.llmbench.annotations.SyntheticInput;
import io.llmbench.annotations.Warmup;
import java.lang.annotation.Annotation;

/**
 * The attributes of the settings annotations ({@code @LlmBenchmark}, {@code @Warmup},
 * {@code @SyntheticInput}, {@code @RequestOptions}, {@code @Load}, {@code @Endpoint}, {@code @Output},
 * {@code @Tokenizer}, {@code @Batch}, {@code @PublicDataset}, {@code @InputFile}), each with the shape of its value and the {@code AnnotatedSettings.Builder}
 * setter it feeds. Attributes of different annotations that feed one setter are one setting: a class
 * may write it once, and a subclass overrides a superclass's value whichever annotation either used.
 * The generated code calls one setter per setting, in this enum's order.
 */
enum Attribute {
    DATASET(LlmBenchmark.class, "dataset", Kind.STRING),
    PROMPTS(LlmBenchmark.class, "prompts", Kind.STRING_ARRAY),
    CONCURRENCY(LlmBenchmark.class, "concurrency", Kind.INT_ARRAY),
    REQUEST_COUNT(LlmBenchmark.class, "requestCount", Kind.INT),
    WARMUP_REQUEST_COUNT(LlmBenchmark.class, "warmupRequestCount", Kind.INT),
    STREAMING(LlmBenchmark.class, "streaming", Kind.BOOLEAN_ARRAY),
    ENDPOINT_TYPE(LlmBenchmark.class, "endpointType", Kind.ENUM),
    MODEL(LlmBenchmark.class, "model", Kind.STRING),
    OUTPUT_TOKENS(LlmBenchmark.class, "outputTokens", Kind.INT_ARRAY),
    INPUT_TOKENS_MEAN(LlmBenchmark.class, "inputTokensMean", Kind.INT_ARRAY),
    INPUT_TOKENS_STDDEV(LlmBenchmark.class, "inputTokensStddev", Kind.INT),
    RANDOM_SEED(LlmBenchmark.class, "randomSeed", Kind.LONG),
    GOODPUT(LlmBenchmark.class, "goodput", Kind.STRING),
    WARMUP_COUNT(Warmup.class, "requestCount", "warmupRequestCount", Kind.INT),
    SYNTHETIC_TOKENS_MEAN(SyntheticInput.class, "inputTokensMean", Kind.INT_ARRAY),
    SYNTHETIC_TOKENS_STDDEV(SyntheticInput.class, "inputTokensStddev", Kind.INT),
    SYNTHETIC_SEED(SyntheticInput.class, "randomSeed", Kind.LONG),
    DATASET_ENTRIES(SyntheticInput.class, "numDatasetEntries", "datasetEntries", Kind.INT),
    IMAGE_WIDTH_MEAN(SyntheticInput.class, "imageWidthMean", Kind.INT),
    IMAGE_HEIGHT_MEAN(SyntheticInput.class, "imageHeightMean", Kind.INT),
    IMAGE_FORMAT(SyntheticInput.class, "imageFormat", Kind.STRING),
    EXTRA_INPUTS(RequestOptions.class, "extraInputs", Kind.STRING_ARRAY),
    HEADERS(RequestOptions.class, "headers", Kind.STRING_ARRAY),
    TIMEOUT_SECONDS(RequestOptions.class, "timeoutSeconds", "requestTimeoutSeconds", Kind.DOUBLE),
    REQUEST_RATE(Load.class, "requestRate", Kind.DOUBLE_ARRAY),
    ARRIVAL_PATTERN(Load.class, "arrivalPattern", Kind.ENUM),
    ARRIVAL_SMOOTHNESS(Load.class, "arrivalSmoothness", Kind.DOUBLE),
    BENCHMARK_DURATION(Load.class, "benchmarkDuration", Kind.DOUBLE),
    BENCHMARK_GRACE_PERIOD(Load.class, "benchmarkGracePeriod", Kind.DOUBLE),
    REQUEST_CANCELLATION_RATE(Load.class, "requestCancellationRate", Kind.DOUBLE),
    REQUEST_CANCELLATION_DELAY(Load.class, "requestCancellationDelay", Kind.DOUBLE),
    CONCURRENCY_RAMP_DURATION(Load.class, "concurrencyRampDuration", Kind.DOUBLE),
    REQUEST_RATE_RAMP_DURATION(Load.class, "requestRateRampDuration", Kind.DOUBLE),
    PREFILL_CONCURRENCY(Load.class, "prefillConcurrency", Kind.INT),
    NUM_PROFILE_RUNS(Load.class, "numProfileRuns", Kind.INT),
    FIXED_SCHEDULE(Load.class, "fixedSchedule", Kind.BOOLEAN_ARRAY),
    URLS(Endpoint.class, "urls", Kind.STRING_ARRAY),
    // One setting with @LlmBenchmark(model): the builder takes one model or several.
    MODELS(Endpoint.class, "models", "model", Kind.STRING_ARRAY),
    MODEL_SELECTION_STRATEGY(Endpoint.class, "modelSelectionStrategy", Kind.STRING),
    CUSTOM_ENDPOINT(Endpoint.class, "customEndpoint", Kind.STRING),
    TEMPLATE_BODY(Endpoint.class, "templateBody", Kind.STRING),
    RESPONSE_FIELD(Endpoint.class, "responseField", Kind.STRING),
    HTTP2(Endpoint.class, "http2", Kind.BOOLEAN_ARRAY),
    INSECURE(Endpoint.class, "insecure", Kind.BOOLEAN_ARRAY),
    USE_SERVER_TOKEN_COUNT(Endpoint.class, "useServerTokenCount", Kind.BOOLEAN_ARRAY),
    CONNECTION_REUSE_STRATEGY(Endpoint.class, "connectionReuseStrategy", Kind.STRING),
    EXPORT_LEVEL(Output.class, "exportLevel", Kind.STRING),
    SLICE_DURATION(Output.class, "sliceDuration", Kind.DOUBLE),
    PLOTS(Output.class, "plots", Kind.BOOLEAN_ARRAY),
    ARTIFACT_DIR(Output.class, "artifactDir", Kind.STRING),
    TOKENIZER(Tokenizer.class, "value", "tokenizer", Kind.STRING),
    OUTPUT_TOKENS_STDDEV(SyntheticInput.class, "outputTokensStddev", Kind.INT),
    SEQUENCE_DISTRIBUTION(SyntheticInput.class, "sequenceDistribution", Kind.STRING),
    NUM_PREFIX_PROMPTS(SyntheticInput.class, "numPrefixPrompts", Kind.INT),
    PREFIX_PROMPT_LENGTH(SyntheticInput.class, "prefixPromptLength", Kind.INT),
    SHARED_SYSTEM_PROMPT_LENGTH(SyntheticInput.class, "sharedSystemPromptLength", Kind.INT),
    USER_CONTEXT_PROMPT_LENGTH(SyntheticInput.class, "userContextPromptLength", Kind.INT),
    IMAGE_WIDTH_STDDEV(SyntheticInput.class, "imageWidthStddev", Kind.INT),
    IMAGE_HEIGHT_STDDEV(SyntheticInput.class, "imageHeightStddev", Kind.INT),
    IMAGE_BATCH_SIZE(SyntheticInput.class, "imageBatchSize", Kind.INT),
    AUDIO_LENGTH_MEAN(SyntheticInput.class, "audioLengthMean", Kind.DOUBLE),
    AUDIO_LENGTH_STDDEV(SyntheticInput.class, "audioLengthStddev", Kind.DOUBLE),
    AUDIO_FORMAT(SyntheticInput.class, "audioFormat", Kind.STRING),
    AUDIO_SAMPLE_RATES(SyntheticInput.class, "audioSampleRates", Kind.DOUBLE_ARRAY),
    AUDIO_DEPTHS(SyntheticInput.class, "audioDepths", Kind.INT_ARRAY),
    AUDIO_NUM_CHANNELS(SyntheticInput.class, "audioNumChannels", Kind.INT),
    AUDIO_BATCH_SIZE(SyntheticInput.class, "audioBatchSize", Kind.INT),
    PROMPT_BATCH_SIZE(Batch.class, "promptBatchSize", Kind.INT),
    RANKINGS_PASSAGES_MEAN(Batch.class, "rankingsPassagesMean", Kind.INT),
    RANKINGS_PASSAGES_STDDEV(Batch.class, "rankingsPassagesStddev", Kind.INT),
    RANKINGS_PASSAGE_TOKENS_MEAN(Batch.class, "rankingsPassageTokensMean", Kind.INT),
    RANKINGS_PASSAGE_TOKENS_STDDEV(Batch.class, "rankingsPassageTokensStddev", Kind.INT),
    RANKINGS_QUERY_TOKENS_MEAN(Batch.class, "rankingsQueryTokensMean", Kind.INT),
    RANKINGS_QUERY_TOKENS_STDDEV(Batch.class, "rankingsQueryTokensStddev", Kind.INT),
    SAMPLING_STRATEGY(PublicDataset.class, "samplingStrategy", Kind.STRING),
    OFFLINE(PublicDataset.class, "offline", Kind.BOOLEAN_ARRAY),
    WARMUP_DURATION(Warmup.class, "duration", "warmupDuration", Kind.DOUBLE),
    WARMUP_CONCURRENCY(Warmup.class, "concurrency", "warmupConcurrency", Kind.INT),
    WARMUP_REQUEST_RATE(Warmup.class, "requestRate", "warmupRequestRate", Kind.DOUBLE),
    WARMUP_ARRIVAL_PATTERN(Warmup.class, "arrivalPattern", "warmupArrivalPattern", Kind.ENUM),
    WARMUP_GRACE_PERIOD(Warmup.class, "gracePeriod", "warmupGracePeriod", Kind.DOUBLE),
    FIXED_SCHEDULE_AUTO_OFFSET(Load.class, "fixedScheduleAutoOffset", Kind.BOOLEAN_ARRAY),
    FIXED_SCHEDULE_START_OFFSET(Load.class, "fixedScheduleStartOffset", Kind.INT),
    FIXED_SCHEDULE_END_OFFSET(Load.class, "fixedScheduleEndOffset", Kind.INT),
    CUSTOM_DATASET_TYPE(InputFile.class, "customDatasetType", Kind.STRING),
    ISL_BLOCK_SIZE(InputFile.class, "islBlockSize", Kind.INT),
    CONVERSATION_NUM(Load.class, "conversationNum", Kind.INT),
    USER_CENTRIC_RATE(Load.class, "userCentricRate", Kind.DOUBLE),
    NUM_USERS(Load.class, "numUsers", Kind.INT),
    PREFILL_CONCURRENCY_RAMP_DURATION(Load.class, "prefillConcurrencyRampDuration", Kind.DOUBLE),
    WARMUP_NUM_SESSIONS(Warmup.class, "numSessions", "warmupNumSessions", Kind.INT),
    WARMUP_PREFILL_CONCURRENCY(Warmup.class, "prefillConcurrency", "warmupPrefillConcurrency", Kind.INT),
    WARMUP_CONCURRENCY_RAMP_DURATION(Warmup.class, "concurrencyRampDuration", "warmupConcurrencyRampDuration",
            Kind.DOUBLE),
    WARMUP_REQUEST_RATE_RAMP_DURATION(Warmup.class, "requestRateRampDuration", "warmupRequestRateRampDuration",
            Kind.DOUBLE),
    WARMUP_PREFILL_CONCURRENCY_RAMP_DURATION(Warmup.class, "prefillConcurrencyRampDuration",
            "warmupPrefillConcurrencyRampDuration", Kind.DOUBLE),
    PROFILE_RUN_COOLDOWN_SECONDS(Load.class, "profileRunCooldownSeconds", Kind.DOUBLE),
    CONFIDENCE_LEVEL(Load.class, "confidenceLevel", Kind.DOUBLE),
    PROFILE_RUN_DISABLE_WARMUP_AFTER_FIRST(Load.class, "profileRunDisableWarmupAfterFirst", Kind.BOOLEAN_ARRAY),
    SET_CONSISTENT_SEED(Load.class, "setConsistentSeed", Kind.BOOLEAN_ARRAY),
    CONVERSATION_TURN_MEAN(SyntheticInput.class, "conversationTurnMean", Kind.INT),
    CONVERSATION_TURN_STDDEV(SyntheticInput.class, "conversationTurnStddev", Kind.INT),
    CONVERSATION_TURN_DELAY_MEAN(SyntheticInput.class, "conversationTurnDelayMean", Kind.DOUBLE),
    CONVERSATION_TURN_DELAY_STDDEV(SyntheticInput.class, "conversationTurnDelayStddev", Kind.DOUBLE),
    CONVERSATION_TURN_DELAY_RATIO(SyntheticInput.class, "conversationTurnDelayRatio", Kind.DOUBLE);

    /** The Java shape of an attribute value, and the model type that carries it. */
    enum Kind {
        /** {@link String}. */
        STRING,
        /** {@link Integer}. */
        INT,
        /** {@link Long}. */
        LONG,
        /** {@code List<Integer>}. */
        INT_ARRAY,
        /** {@code List<Boolean>}. */
        BOOLEAN_ARRAY,
        /** {@link String}: the name of a constant of {@link #enumType()}. */
        ENUM,
        /** {@code List<String>}. */
        STRING_ARRAY,
        /** {@link Double}. */
        DOUBLE,
        /** {@code List<Double>}. */
        DOUBLE_ARRAY
    }

    private final Class<? extends Annotation> annotation;
    private final String memberName;
    private final String setterName;
    private final Kind kind;

    Attribute(Class<? extends Annotation> annotation, String memberName, Kind kind) {
        this(annotation, memberName, memberName, kind);
    }

    Attribute(Class<? extends Annotation> annotation, String memberName, String setterName, Kind kind) {
        this.annotation = annotation;
        this.memberName = memberName;
        this.setterName = setterName;
        this.kind = kind;
    }

    /** The {@code AnnotatedSettings.Builder} setter: the setting this attribute feeds. */
    String methodName() {
        return setterName;
    }

    /** The annotation member as written in source, for messages. */
    String memberName() {
        return memberName;
    }

    /** The annotation's simple name, for messages. */
    String annotationName() {
        return annotation.getSimpleName();
    }

    /** The order of this attribute's setting: that of the first attribute feeding the same setter. */
    int settingOrder() {
        for (Attribute attribute : values()) {
            if (attribute.setterName.equals(setterName)) {
                return attribute.ordinal();
            }
        }
        throw new AssertionError(this);
    }

    /** The enum type of a {@link Kind#ENUM} attribute. */
    Class<? extends Enum<?>> enumType() {
        return this == ARRIVAL_PATTERN || this == WARMUP_ARRIVAL_PATTERN ? io.llmbench.annotations.ArrivalPattern.class
                : io.llmbench.annotations.EndpointType.class;
    }

    Kind kind() {
        return kind;
    }

    /** The attribute of annotation {@code annotationType} (canonical name) named {@code memberName}, or {@code null}. */
    static Attribute of(String annotationType, String memberName) {
        for (Attribute attribute : values()) {
            if (attribute.annotation.getCanonicalName().equals(annotationType)
                    && attribute.memberName.equals(memberName)) {
                return attribute;
            }
        }
        return null;
    }

    /** Whether {@code annotationType} (canonical name) is one of the settings annotations. */
    static boolean isSettingsAnnotation(String annotationType) {
        for (Attribute attribute : values()) {
            if (attribute.annotation.getCanonicalName().equals(annotationType)) {
                return true;
            }
        }
        return false;
    }
}
