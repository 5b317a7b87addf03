package io.llmbench.runtime.spec;

import io.llmbench.annotations.EndpointType;
import io.llmbench.annotations.LlmBenchmark;

/**
 * The attributes written on one {@code @LlmBenchmark}, with the annotation's "unset" sentinels for
 * those that were not written: an empty string or array, {@link LlmBenchmark#UNSET},
 * {@link LlmBenchmark#UNSET_LONG}, {@link EndpointType#UNSET}. Generated code builds it with
 * {@link #builder()}, calling a setter only for the attributes written in the source.
 */
public record AnnotatedSettings(
        String dataset,
        int[] concurrency,
        int requestCount,
        int warmupRequestCount,
        boolean[] streaming,
        EndpointType endpointType,
        String model,
        int[] outputTokens,
        int[] inputTokensMean,
        int inputTokensStddev,
        long randomSeed,
        String goodput,
        int datasetEntries,
        int imageWidthMean,
        int imageHeightMean,
        String imageFormat,
        java.util.List<SloThreshold> slos,
        String[] extraInputs,
        String[] headers,
        double requestTimeoutSeconds,
        AnnotatedLoad load,
        AnnotatedEndpoint endpoint,
        AnnotatedOutput output,
        String tokenizer,
        AnnotatedSynthesis synthesis,
        AnnotatedBatch batch,
        AnnotatedInputFile inputFile,
        String[] prompts) {

    public AnnotatedSettings {
        java.util.Objects.requireNonNull(load, "load");
        java.util.Objects.requireNonNull(endpoint, "endpoint");
        java.util.Objects.requireNonNull(output, "output");
        java.util.Objects.requireNonNull(tokenizer, "tokenizer");
        java.util.Objects.requireNonNull(synthesis, "synthesis");
        java.util.Objects.requireNonNull(batch, "batch");
        java.util.Objects.requireNonNull(inputFile, "inputFile");
        extraInputs = extraInputs.clone();
        headers = headers.clone();
        prompts = prompts.clone();
        slos = java.util.List.copyOf(slos);
        concurrency = concurrency.clone();
        streaming = streaming.clone();
        outputTokens = outputTokens.clone();
        inputTokensMean = inputTokensMean.clone();
    }

    /**
     * The attributes that were written, by attribute name, each value as Java source would write it
     * ({@code {1, 4, 16}}, {@code "synthetic"}, {@code CHAT}), in declaration order.
     */
    public java.util.Map<String, String> written() {
        java.util.Map<String, String> written = new java.util.LinkedHashMap<>();
        if (!dataset.isEmpty()) {
            written.put("dataset", quoted(dataset));
        }
        if (prompts.length > 0) {
            written.put("prompts", quotedList(prompts));
        }
        putList(written, "concurrency", java.util.Arrays.toString(concurrency), concurrency.length);
        putNumber(written, "requestCount", requestCount);
        putNumber(written, "warmupRequestCount", warmupRequestCount);
        putList(written, "streaming", java.util.Arrays.toString(streaming), streaming.length);
        if (endpointType != EndpointType.UNSET) {
            written.put("endpointType", endpointType.name());
        }
        if (!model.isEmpty()) {
            if (endpoint.extraModels().isEmpty()) {
                written.put("model", quoted(model));
            } else {
                java.util.List<String> models = new java.util.ArrayList<>(java.util.List.of(model));
                models.addAll(endpoint.extraModels());
                written.put("models", quotedList(models.toArray(String[]::new)));
            }
        }
        putList(written, "outputTokens", java.util.Arrays.toString(outputTokens), outputTokens.length);
        putList(written, "inputTokensMean", java.util.Arrays.toString(inputTokensMean), inputTokensMean.length);
        putNumber(written, "inputTokensStddev", inputTokensStddev);
        if (randomSeed != LlmBenchmark.UNSET_LONG) {
            written.put("randomSeed", Long.toString(randomSeed));
        }
        if (!goodput.isEmpty()) {
            written.put("goodput", quoted(goodput));
        }
        putNumber(written, "numDatasetEntries", datasetEntries);
        putNumber(written, "imageWidthMean", imageWidthMean);
        putNumber(written, "imageHeightMean", imageHeightMean);
        if (!imageFormat.isEmpty()) {
            written.put("imageFormat", quoted(imageFormat));
        }
        if (extraInputs.length > 0) {
            written.put("extraInputs", quotedList(extraInputs));
        }
        if (headers.length > 0) {
            written.put("headers", quotedList(headers));
        }
        if (!Double.isNaN(requestTimeoutSeconds)) {
            written.put("timeoutSeconds", Double.toString(requestTimeoutSeconds));
        }
        written.putAll(synthesis.written());
        written.putAll(batch.written());
        written.putAll(inputFile.written());
        written.putAll(load.written());
        written.putAll(endpoint.written());
        written.putAll(output.written());
        if (!tokenizer.isEmpty()) {
            written.put("tokenizer", quoted(tokenizer));
        }
        for (SloThreshold slo : slos) {
            written.merge("slo", slo.describe(), (a, b) -> a + ", " + b);
        }
        return written;
    }

    static String quotedList(String[] values) {
        StringBuilder text = new StringBuilder(values.length == 1 ? "" : "{");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(quoted(values[i]));
        }
        return text.append(values.length == 1 ? "" : "}").toString();
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }

    private static void putNumber(java.util.Map<String, String> written, String name, int value) {
        if (value != LlmBenchmark.UNSET) {
            written.put(name, Integer.toString(value));
        }
    }

    private static void putList(java.util.Map<String, String> written, String name, String text, int length) {
        if (length == 1) {
            written.put(name, text.substring(1, text.length() - 1));
        } else if (length > 1) {
            written.put(name, "{" + text.substring(1, text.length() - 1) + "}");
        }
    }

    /** Settings with every attribute unset. */
    public static AnnotatedSettings unset() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the written attributes; every attribute starts unset. */
    public static final class Builder {
        private String dataset = "";
        private String[] prompts = {};
        private int[] concurrency = {};
        private int requestCount = LlmBenchmark.UNSET;
        private int warmupRequestCount = LlmBenchmark.UNSET;
        private boolean[] streaming = {};
        private EndpointType endpointType = EndpointType.UNSET;
        private String model = "";
        private int[] outputTokens = {};
        private int[] inputTokensMean = {};
        private int inputTokensStddev = LlmBenchmark.UNSET;
        private long randomSeed = LlmBenchmark.UNSET_LONG;
        private String goodput = "";
        private int datasetEntries = LlmBenchmark.UNSET;
        private int imageWidthMean = LlmBenchmark.UNSET;
        private int imageHeightMean = LlmBenchmark.UNSET;
        private String imageFormat = "";
        private final java.util.List<SloThreshold> slos = new java.util.ArrayList<>();
        private String[] extraInputs = {};
        private String[] headers = {};
        private double requestTimeoutSeconds = Double.NaN;
        private double[] requestRate = {};
        private io.llmbench.annotations.ArrivalPattern arrivalPattern = io.llmbench.annotations.ArrivalPattern.UNSET;
        private double arrivalSmoothness = Double.NaN;
        private double benchmarkDuration = Double.NaN;
        private double benchmarkGracePeriod = Double.NaN;
        private double requestCancellationRate = Double.NaN;
        private double requestCancellationDelay = Double.NaN;
        private double concurrencyRampDuration = Double.NaN;
        private double requestRateRampDuration = Double.NaN;
        private int prefillConcurrency = LlmBenchmark.UNSET;
        private int numProfileRuns = LlmBenchmark.UNSET;
        private boolean[] fixedSchedule = {};
        private String[] extraModels = {};
        private String[] urls = {};
        private String modelSelectionStrategy = "";
        private String customEndpoint = "";
        private String templateBody = "";
        private String responseField = "";
        private boolean[] http2 = {};
        private boolean[] insecure = {};
        private boolean[] useServerTokenCount = {};
        private String connectionReuseStrategy = "";
        private String exportLevel = "";
        private double sliceDuration = Double.NaN;
        private boolean[] plots = {};
        private String artifactDir = "";
        private String tokenizer = "";
        private int outputTokensStddev = LlmBenchmark.UNSET;
        private String sequenceDistribution = "";
        private int numPrefixPrompts = LlmBenchmark.UNSET;
        private int prefixPromptLength = LlmBenchmark.UNSET;
        private int sharedSystemPromptLength = LlmBenchmark.UNSET;
        private int userContextPromptLength = LlmBenchmark.UNSET;
        private int imageWidthStddev = LlmBenchmark.UNSET;
        private int imageHeightStddev = LlmBenchmark.UNSET;
        private int imageBatchSize = LlmBenchmark.UNSET;
        private double audioLengthMean = Double.NaN;
        private double audioLengthStddev = Double.NaN;
        private String audioFormat = "";
        private java.util.List<Double> audioSampleRates = java.util.List.of();
        private java.util.List<Integer> audioDepths = java.util.List.of();
        private int audioNumChannels = LlmBenchmark.UNSET;
        private int audioBatchSize = LlmBenchmark.UNSET;
        private int conversationTurnMean = LlmBenchmark.UNSET;
        private int conversationTurnStddev = LlmBenchmark.UNSET;
        private double conversationTurnDelayMean = Double.NaN;
        private double conversationTurnDelayStddev = Double.NaN;
        private double conversationTurnDelayRatio = Double.NaN;
        private int promptBatchSize = LlmBenchmark.UNSET;
        private int rankingsPassagesMean = LlmBenchmark.UNSET;
        private int rankingsPassagesStddev = LlmBenchmark.UNSET;
        private int rankingsPassageTokensMean = LlmBenchmark.UNSET;
        private int rankingsPassageTokensStddev = LlmBenchmark.UNSET;
        private int rankingsQueryTokensMean = LlmBenchmark.UNSET;
        private int rankingsQueryTokensStddev = LlmBenchmark.UNSET;
        private String samplingStrategy = "";
        private boolean[] offline = {};
        private double warmupDuration = Double.NaN;
        private int warmupConcurrency = LlmBenchmark.UNSET;
        private double warmupRequestRate = Double.NaN;
        private io.llmbench.annotations.ArrivalPattern warmupArrivalPattern =
                io.llmbench.annotations.ArrivalPattern.UNSET;
        private double warmupGracePeriod = Double.NaN;
        private boolean[] fixedScheduleAutoOffset = {};
        private int fixedScheduleStartOffset = LlmBenchmark.UNSET;
        private int fixedScheduleEndOffset = LlmBenchmark.UNSET;
        private String customDatasetType = "";
        private int islBlockSize = LlmBenchmark.UNSET;
        private int conversationNum = LlmBenchmark.UNSET;
        private double userCentricRate = Double.NaN;
        private int numUsers = LlmBenchmark.UNSET;
        private double prefillConcurrencyRampDuration = Double.NaN;
        private int warmupNumSessions = LlmBenchmark.UNSET;
        private int warmupPrefillConcurrency = LlmBenchmark.UNSET;
        private double warmupConcurrencyRampDuration = Double.NaN;
        private double warmupRequestRateRampDuration = Double.NaN;
        private double warmupPrefillConcurrencyRampDuration = Double.NaN;
        private double profileRunCooldownSeconds = Double.NaN;
        private double confidenceLevel = Double.NaN;
        private boolean[] profileRunDisableWarmupAfterFirst = {};
        private boolean[] setConsistentSeed = {};

        /** {@code @Load(profileRunCooldownSeconds)}, seconds. */
        public Builder profileRunCooldownSeconds(double value) {
            this.profileRunCooldownSeconds = value;
            return this;
        }

        /** {@code @Load(confidenceLevel)}. */
        public Builder confidenceLevel(double value) {
            this.confidenceLevel = value;
            return this;
        }

        /** {@code @Load(profileRunDisableWarmupAfterFirst)}: one value. */
        public Builder profileRunDisableWarmupAfterFirst(boolean... values) {
            this.profileRunDisableWarmupAfterFirst = values.clone();
            return this;
        }

        /** {@code @Load(setConsistentSeed)}: one value. */
        public Builder setConsistentSeed(boolean... values) {
            this.setConsistentSeed = values.clone();
            return this;
        }

        /** {@code @Load(conversationNum)}: sessions started. */
        public Builder conversationNum(int value) {
            this.conversationNum = value;
            return this;
        }

        /** {@code @Load(userCentricRate)}, requests per second of all users. */
        public Builder userCentricRate(double value) {
            this.userCentricRate = value;
            return this;
        }

        /** {@code @Load(numUsers)}. */
        public Builder numUsers(int value) {
            this.numUsers = value;
            return this;
        }

        /** {@code @Load(prefillConcurrencyRampDuration)}, seconds. */
        public Builder prefillConcurrencyRampDuration(double value) {
            this.prefillConcurrencyRampDuration = value;
            return this;
        }

        /** {@code @Warmup(numSessions)}. */
        public Builder warmupNumSessions(int value) {
            this.warmupNumSessions = value;
            return this;
        }

        /** {@code @Warmup(prefillConcurrency)}. */
        public Builder warmupPrefillConcurrency(int value) {
            this.warmupPrefillConcurrency = value;
            return this;
        }

        /** {@code @Warmup(concurrencyRampDuration)}, seconds. */
        public Builder warmupConcurrencyRampDuration(double value) {
            this.warmupConcurrencyRampDuration = value;
            return this;
        }

        /** {@code @Warmup(requestRateRampDuration)}, seconds. */
        public Builder warmupRequestRateRampDuration(double value) {
            this.warmupRequestRateRampDuration = value;
            return this;
        }

        /** {@code @Warmup(prefillConcurrencyRampDuration)}, seconds. */
        public Builder warmupPrefillConcurrencyRampDuration(double value) {
            this.warmupPrefillConcurrencyRampDuration = value;
            return this;
        }

        /** {@code @InputFile(customDatasetType)}. */
        public Builder customDatasetType(String value) {
            this.customDatasetType = value;
            return this;
        }

        /** {@code @InputFile(islBlockSize)}. */
        public Builder islBlockSize(int value) {
            this.islBlockSize = value;
            return this;
        }

        /** {@code @Warmup(duration)}, seconds. */
        public Builder warmupDuration(double value) {
            this.warmupDuration = value;
            return this;
        }

        /** {@code @Warmup(concurrency)}. */
        public Builder warmupConcurrency(int value) {
            this.warmupConcurrency = value;
            return this;
        }

        /** {@code @Warmup(requestRate)}. */
        public Builder warmupRequestRate(double value) {
            this.warmupRequestRate = value;
            return this;
        }

        /** {@code @Warmup(arrivalPattern)}. */
        public Builder warmupArrivalPattern(io.llmbench.annotations.ArrivalPattern value) {
            this.warmupArrivalPattern = value;
            return this;
        }

        /** {@code @Warmup(gracePeriod)}, seconds; positive infinity waits for every request. */
        public Builder warmupGracePeriod(double value) {
            this.warmupGracePeriod = value;
            return this;
        }

        /** {@code @Load(fixedScheduleAutoOffset)}: one value. */
        public Builder fixedScheduleAutoOffset(boolean... values) {
            this.fixedScheduleAutoOffset = values.clone();
            return this;
        }

        /** {@code @Load(fixedScheduleStartOffset)}, ms. */
        public Builder fixedScheduleStartOffset(int value) {
            this.fixedScheduleStartOffset = value;
            return this;
        }

        /** {@code @Load(fixedScheduleEndOffset)}, ms. */
        public Builder fixedScheduleEndOffset(int value) {
            this.fixedScheduleEndOffset = value;
            return this;
        }

        /** {@code @Batch(promptBatchSize)}. */
        public Builder promptBatchSize(int value) {
            this.promptBatchSize = value;
            return this;
        }

        /** {@code @Batch(rankingsPassagesMean)}. */
        public Builder rankingsPassagesMean(int value) {
            this.rankingsPassagesMean = value;
            return this;
        }

        /** {@code @Batch(rankingsPassagesStddev)}. */
        public Builder rankingsPassagesStddev(int value) {
            this.rankingsPassagesStddev = value;
            return this;
        }

        /** {@code @Batch(rankingsPassageTokensMean)}. */
        public Builder rankingsPassageTokensMean(int value) {
            this.rankingsPassageTokensMean = value;
            return this;
        }

        /** {@code @Batch(rankingsPassageTokensStddev)}. */
        public Builder rankingsPassageTokensStddev(int value) {
            this.rankingsPassageTokensStddev = value;
            return this;
        }

        /** {@code @Batch(rankingsQueryTokensMean)}. */
        public Builder rankingsQueryTokensMean(int value) {
            this.rankingsQueryTokensMean = value;
            return this;
        }

        /** {@code @Batch(rankingsQueryTokensStddev)}. */
        public Builder rankingsQueryTokensStddev(int value) {
            this.rankingsQueryTokensStddev = value;
            return this;
        }

        /** {@code @PublicDataset(samplingStrategy)}. */
        public Builder samplingStrategy(String value) {
            this.samplingStrategy = value;
            return this;
        }

        /** {@code @PublicDataset(offline)}: one value. */
        public Builder offline(boolean... values) {
            this.offline = values.clone();
            return this;
        }

        /** {@code @SyntheticInput(outputTokensStddev)}. */
        public Builder outputTokensStddev(int value) {
            this.outputTokensStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(sequenceDistribution)}. */
        public Builder sequenceDistribution(String value) {
            this.sequenceDistribution = value;
            return this;
        }

        /** {@code @SyntheticInput(numPrefixPrompts)}. */
        public Builder numPrefixPrompts(int value) {
            this.numPrefixPrompts = value;
            return this;
        }

        /** {@code @SyntheticInput(prefixPromptLength)}. */
        public Builder prefixPromptLength(int value) {
            this.prefixPromptLength = value;
            return this;
        }

        /** {@code @SyntheticInput(sharedSystemPromptLength)}. */
        public Builder sharedSystemPromptLength(int value) {
            this.sharedSystemPromptLength = value;
            return this;
        }

        /** {@code @SyntheticInput(userContextPromptLength)}. */
        public Builder userContextPromptLength(int value) {
            this.userContextPromptLength = value;
            return this;
        }

        /** {@code @SyntheticInput(imageWidthStddev)}. */
        public Builder imageWidthStddev(int value) {
            this.imageWidthStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(imageHeightStddev)}. */
        public Builder imageHeightStddev(int value) {
            this.imageHeightStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(imageBatchSize)}. */
        public Builder imageBatchSize(int value) {
            this.imageBatchSize = value;
            return this;
        }

        /** {@code @SyntheticInput(audioLengthMean)}, seconds. */
        public Builder audioLengthMean(double value) {
            this.audioLengthMean = value;
            return this;
        }

        /** {@code @SyntheticInput(audioLengthStddev)}, seconds. */
        public Builder audioLengthStddev(double value) {
            this.audioLengthStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(audioFormat)}. */
        public Builder audioFormat(String value) {
            this.audioFormat = value;
            return this;
        }

        /** {@code @SyntheticInput(audioSampleRates)}, kHz. */
        public Builder audioSampleRates(double... values) {
            this.audioSampleRates = java.util.Arrays.stream(values).boxed().toList();
            return this;
        }

        /** {@code @SyntheticInput(audioDepths)}, bits. */
        public Builder audioDepths(int... values) {
            this.audioDepths = java.util.Arrays.stream(values).boxed().toList();
            return this;
        }

        /** {@code @SyntheticInput(audioNumChannels)}. */
        public Builder audioNumChannels(int value) {
            this.audioNumChannels = value;
            return this;
        }

        /** {@code @SyntheticInput(audioBatchSize)}. */
        public Builder audioBatchSize(int value) {
            this.audioBatchSize = value;
            return this;
        }

        /** {@code @SyntheticInput(conversationTurnMean)}. */
        public Builder conversationTurnMean(int value) {
            this.conversationTurnMean = value;
            return this;
        }

        /** {@code @SyntheticInput(conversationTurnStddev)}. */
        public Builder conversationTurnStddev(int value) {
            this.conversationTurnStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(conversationTurnDelayMean)}, in ms. */
        public Builder conversationTurnDelayMean(double value) {
            this.conversationTurnDelayMean = value;
            return this;
        }

        /** {@code @SyntheticInput(conversationTurnDelayStddev)}, in ms. */
        public Builder conversationTurnDelayStddev(double value) {
            this.conversationTurnDelayStddev = value;
            return this;
        }

        /** {@code @SyntheticInput(conversationTurnDelayRatio)}. */
        public Builder conversationTurnDelayRatio(double value) {
            this.conversationTurnDelayRatio = value;
            return this;
        }

        /** {@code @Endpoint(models)}: the first is the model, the others are picked among with it. */
        public Builder model(String... values) {
            this.model = values.length == 0 ? "" : values[0];
            this.extraModels = java.util.Arrays.copyOfRange(values, Math.min(1, values.length), values.length);
            return this;
        }

        /** {@code @Endpoint(urls)}: the first is the main server. */
        public Builder urls(String... values) {
            this.urls = values.clone();
            return this;
        }

        /** {@code @Endpoint(modelSelectionStrategy)}. */
        public Builder modelSelectionStrategy(String value) {
            this.modelSelectionStrategy = value;
            return this;
        }

        /** {@code @Endpoint(customEndpoint)}. */
        public Builder customEndpoint(String value) {
            this.customEndpoint = value;
            return this;
        }

        /** {@code @Endpoint(templateBody)}. */
        public Builder templateBody(String value) {
            this.templateBody = value;
            return this;
        }

        /** {@code @Endpoint(responseField)}. */
        public Builder responseField(String value) {
            this.responseField = value;
            return this;
        }

        /** {@code @Endpoint(http2)}: one value. */
        public Builder http2(boolean... values) {
            this.http2 = values.clone();
            return this;
        }

        /** {@code @Endpoint(connectionReuseStrategy)}. */
        public Builder connectionReuseStrategy(String value) {
            this.connectionReuseStrategy = value;
            return this;
        }

        /** {@code @Endpoint(useServerTokenCount)}: one value. */
        public Builder useServerTokenCount(boolean... values) {
            this.useServerTokenCount = values.clone();
            return this;
        }

        /** {@code @Endpoint(insecure)}: one value. */
        public Builder insecure(boolean... values) {
            this.insecure = values.clone();
            return this;
        }

        /** {@code @Output(exportLevel)}. */
        public Builder exportLevel(String value) {
            this.exportLevel = value;
            return this;
        }

        /** {@code @Output(sliceDuration)}, seconds. */
        public Builder sliceDuration(double value) {
            this.sliceDuration = value;
            return this;
        }

        /** {@code @Output(plots)}: one value. */
        public Builder plots(boolean... values) {
            this.plots = values.clone();
            return this;
        }

        /** {@code @Output(artifactDir)}. */
        public Builder artifactDir(String value) {
            this.artifactDir = value;
            return this;
        }

        /** {@code @Tokenizer}. */
        public Builder tokenizer(String value) {
            this.tokenizer = value;
            return this;
        }

        /** {@code @Load(fixedSchedule)}: one value. */
        public Builder fixedSchedule(boolean... values) {
            this.fixedSchedule = values.clone();
            return this;
        }

        /** {@code @Load(requestRate)}: requests per second; a list is a sweep. */
        public Builder requestRate(double... values) {
            this.requestRate = values.clone();
            return this;
        }

        /** {@code @Load(arrivalPattern)}. */
        public Builder arrivalPattern(io.llmbench.annotations.ArrivalPattern value) {
            this.arrivalPattern = value;
            return this;
        }

        /** {@code @Load(arrivalSmoothness)}. */
        public Builder arrivalSmoothness(double value) {
            this.arrivalSmoothness = value;
            return this;
        }

        /** {@code @Load(benchmarkDuration)}, seconds. */
        public Builder benchmarkDuration(double value) {
            this.benchmarkDuration = value;
            return this;
        }

        /** {@code @Load(benchmarkGracePeriod)}, seconds; positive infinity waits for every request. */
        public Builder benchmarkGracePeriod(double value) {
            this.benchmarkGracePeriod = value;
            return this;
        }

        /** {@code @Load(requestCancellationRate)}, percent. */
        public Builder requestCancellationRate(double value) {
            this.requestCancellationRate = value;
            return this;
        }

        /** {@code @Load(requestCancellationDelay)}, seconds. */
        public Builder requestCancellationDelay(double value) {
            this.requestCancellationDelay = value;
            return this;
        }

        /** {@code @Load(concurrencyRampDuration)}, seconds. */
        public Builder concurrencyRampDuration(double value) {
            this.concurrencyRampDuration = value;
            return this;
        }

        /** {@code @Load(requestRateRampDuration)}, seconds. */
        public Builder requestRateRampDuration(double value) {
            this.requestRateRampDuration = value;
            return this;
        }

        /** {@code @Load(prefillConcurrency)}. */
        public Builder prefillConcurrency(int value) {
            this.prefillConcurrency = value;
            return this;
        }

        /** {@code @Load(numProfileRuns)}. */
        public Builder numProfileRuns(int value) {
            this.numProfileRuns = value;
            return this;
        }

        public Builder extraInputs(String... values) {
            this.extraInputs = values.clone();
            return this;
        }

        public Builder headers(String... values) {
            this.headers = values.clone();
            return this;
        }

        public Builder requestTimeoutSeconds(double value) {
            this.requestTimeoutSeconds = value;
            return this;
        }

        private Builder() {
        }

        public Builder datasetEntries(int value) {
            this.datasetEntries = value;
            return this;
        }

        public Builder imageWidthMean(int value) {
            this.imageWidthMean = value;
            return this;
        }

        public Builder imageHeightMean(int value) {
            this.imageHeightMean = value;
            return this;
        }

        public Builder imageFormat(String value) {
            this.imageFormat = value;
            return this;
        }

        /** Adds an {@code @Slo}; {@code max} or {@code min} is {@code NaN}. */
        public Builder slo(String metric, String statistic, double max, double min) {
            this.slos.add(new SloThreshold(metric, statistic, max, min));
            return this;
        }

        public Builder dataset(String value) {
            this.dataset = value;
            return this;
        }

        public Builder concurrency(int... values) {
            this.concurrency = values.clone();
            return this;
        }

        public Builder requestCount(int value) {
            this.requestCount = value;
            return this;
        }

        public Builder warmupRequestCount(int value) {
            this.warmupRequestCount = value;
            return this;
        }

        public Builder streaming(boolean... values) {
            this.streaming = values.clone();
            return this;
        }

        public Builder endpointType(EndpointType value) {
            this.endpointType = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            this.extraModels = new String[0];
            return this;
        }

        public Builder outputTokens(int... values) {
            this.outputTokens = values.clone();
            return this;
        }

        public Builder inputTokensMean(int... values) {
            this.inputTokensMean = values.clone();
            return this;
        }

        public Builder inputTokensStddev(int value) {
            this.inputTokensStddev = value;
            return this;
        }

        public Builder randomSeed(long value) {
            this.randomSeed = value;
            return this;
        }

        public Builder goodput(String value) {
            this.goodput = value;
            return this;
        }

        /** {@code @LlmBenchmark(prompts)}: the inline dataset. */
        public Builder prompts(String... values) {
            this.prompts = values.clone();
            return this;
        }

        public AnnotatedSettings build() {
            return new AnnotatedSettings(dataset, concurrency, requestCount, warmupRequestCount, streaming,
                    endpointType, model, outputTokens, inputTokensMean, inputTokensStddev, randomSeed, goodput,
                    datasetEntries, imageWidthMean, imageHeightMean, imageFormat, slos, extraInputs, headers,
                    requestTimeoutSeconds, new AnnotatedLoad(requestRate, arrivalPattern, arrivalSmoothness,
                            benchmarkDuration, benchmarkGracePeriod, requestCancellationRate,
                            requestCancellationDelay, concurrencyRampDuration, requestRateRampDuration,
                            prefillConcurrency, numProfileRuns, fixedSchedule, warmupDuration, warmupConcurrency,
                            warmupRequestRate, warmupArrivalPattern, warmupGracePeriod, fixedScheduleAutoOffset,
                            fixedScheduleStartOffset, fixedScheduleEndOffset, conversationNum, userCentricRate,
                            numUsers, prefillConcurrencyRampDuration, warmupNumSessions, warmupPrefillConcurrency,
                            warmupConcurrencyRampDuration, warmupRequestRateRampDuration,
                            warmupPrefillConcurrencyRampDuration,
                            new AnnotatedProfileRuns(profileRunCooldownSeconds, confidenceLevel,
                                    profileRunDisableWarmupAfterFirst, setConsistentSeed)),
                    new AnnotatedEndpoint(java.util.List.of(urls), java.util.List.of(extraModels),
                            modelSelectionStrategy, customEndpoint, templateBody, responseField, http2, insecure,
                            useServerTokenCount, connectionReuseStrategy),
                    new AnnotatedOutput(exportLevel, sliceDuration, plots, artifactDir), tokenizer,
                    new AnnotatedSynthesis(outputTokensStddev, sequenceDistribution, numPrefixPrompts,
                            prefixPromptLength, sharedSystemPromptLength, userContextPromptLength, imageWidthStddev,
                            imageHeightStddev, imageBatchSize, audioLengthMean, audioLengthStddev, audioFormat,
                            audioSampleRates, audioDepths, audioNumChannels, audioBatchSize, conversationTurnMean,
                            conversationTurnStddev, conversationTurnDelayMean, conversationTurnDelayStddev,
                            conversationTurnDelayRatio),
                    new AnnotatedBatch(promptBatchSize, rankingsPassagesMean, rankingsPassagesStddev,
                            rankingsPassageTokensMean, rankingsPassageTokensStddev, rankingsQueryTokensMean,
                            rankingsQueryTokensStddev, samplingStrategy, offline),
                    new AnnotatedInputFile(customDatasetType, islBlockSize), prompts);
        }
    }
}
