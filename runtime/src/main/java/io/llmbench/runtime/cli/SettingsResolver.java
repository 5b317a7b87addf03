package io.llmbench.runtime.cli;

import io.llmbench.annotations.Datasets;
import io.llmbench.annotations.EndpointType;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.InlinePrompts;
import io.llmbench.runtime.metrics.GoodputSlos;
import io.llmbench.runtime.report.OutputSettings;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PublicDatasetSpec;
import io.llmbench.runtime.spec.ProfileRunPolicy;
import io.llmbench.runtime.spec.RunSpec;
import io.llmbench.runtime.spec.BatchSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.spec.TargetSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the settings of a benchmark per attribute, as JMH does: the command line, then the
 * annotation, then the defaults. List-valued settings (concurrency, streaming, output tokens, input
 * tokens) are sweeps; the result holds one {@link RunSpec} per point of their cartesian product.
 */
final class SettingsResolver {

    static final String DEFAULT_URL = "http://localhost:8000";
    static final int DEFAULT_CONCURRENCY = 1;
    static final int DEFAULT_INPUT_TOKENS_MEAN = 550;
    static final int DEFAULT_DATASET_ENTRIES = 100;
    static final int DEFAULT_IMAGE_SIZE = 512;
    static final String DEFAULT_IMAGE_FORMAT = "png";
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(600);
    static final Path DEFAULT_ARTIFACT_DIR = Path.of("artifacts");

    private final CliSettings cli;
    private final String fallbackUrl;
    private final String fallbackModel;

    /**
     * @param cli the command line's settings
     * @param fallbackUrl the URL when neither the command line nor anything else gives one (the mock
     *     server's when {@code --mock} is on)
     * @param fallbackModel the model when none is given, or {@code null} when one is required
     */
    SettingsResolver(CliSettings cli, String fallbackUrl, String fallbackModel) {
        this.cli = cli;
        this.fallbackUrl = fallbackUrl;
        this.fallbackModel = fallbackModel;
    }

    /**
     * @param name the benchmark's name
     * @param annotated its annotation's settings ({@link AnnotatedSettings#unset()} for {@code profile})
     * @param streamingByDefault whether streaming is on when neither the CLI nor the annotation says
     */
    List<RunSpec> resolve(String name, AnnotatedSettings annotated, boolean streamingByDefault) {
        SweepOverrides overrides = new SweepOverrides(cli);
        AnnotatedEndpointMerge.GivenRouting routing = AnnotatedEndpointMerge.GivenRouting.of(cli, overrides);
        String model = first(routing.model(), blankToNull(annotated.model()), fallbackModel);
        boolean modelFromAnnotation = routing.model() == null && blankToNull(annotated.model()) != null;
        if (model == null) {
            throw new UserInputException(name + ": no model given: pass --model NAME (the model the server serves), "
                    + "or use --mock to run against the embedded mock server");
        }
        String url = AnnotatedEndpointMerge.url(routing, fallbackUrl, annotated.endpoint());
        EndpointSettings endpoint = AnnotatedEndpointMerge.merge(cli, routing, fallbackUrl, annotated.endpoint(),
                modelFromAnnotation);
        OutputSettings outputSettings = AnnotatedOutputMerge.merge(cli, annotated.output());
        Path artifactDir = AnnotatedOutputMerge.artifactDir(cli, annotated.output());
        String tokenizer = first(cli.tokenizer(), blankToNull(annotated.tokenizer()));
        EndpointType endpointType = first(cli.endpointType(),
                annotated.endpointType() == EndpointType.UNSET ? null : annotated.endpointType(), EndpointType.CHAT);
        // Prompts given on the command line win; an annotated set applies only when the command line names
        // no dataset of its own.
        java.util.List<String> prompts = !cli.inputFile().prompts().isEmpty() ? cli.inputFile().prompts()
                : cli.dataset() == null ? java.util.List.of(annotated.prompts()) : java.util.List.of();
        String dataset = first(cli.dataset(), prompts.isEmpty() ? null : InlinePrompts.NAME,
                blankToNull(annotated.dataset()), Datasets.SYNTHETIC);
        SynthesisSpec synthesis = SynthesisSettings.resolve(overrides.audio(cli.synthesis()), cli.inputFile(),
                annotated.synthesis(), annotated.inputFile().islBlockSize())
                .withTurns(ConversationTurnSettings.resolve(cli.turns(), annotated.synthesis()));
        BatchSpec batches = BatchSettings.resolve(cli.batches(), annotated.batch(), endpointType);
        LoadOptions.LoadCli givenLoad = cli.load() == null ? LoadOptions.LoadCli.none() : cli.load();
        LoadOptions.LoadCli loadCli = AnnotatedLoadMerge.merge(givenLoad,
                overrides.doubles(SweepParameter.REQUEST_RATE, givenLoad.requestRates()), annotated.load());
        int requestCountSetting = first(cli.requestCount(), loadCli.numRequests(),
                unsetToNull(annotated.requestCount()), LlmBenchmark.UNSET);
        int warmup = first(cli.warmupRequestCount(), loadCli.numWarmupRequests(),
                unsetToNull(annotated.warmupRequestCount()), LlmBenchmark.UNSET);
        LoadResolver loads = new LoadResolver(loadCli, AnnotatedSessionMerge.merge(
                cli.sessions() == null ? SessionOptions.SessionCli.none() : cli.sessions(),
                cli.requestCount() != null || givenLoad.numRequests() != null,
                cli.warmupRequestCount() != null || givenLoad.numWarmupRequests() != null, annotated.load()));
        boolean concurrencyGiven = cli.concurrency().length > 0 || annotated.concurrency().length > 0;
        int stddev = first(cli.inputTokensStddev(), unsetToNull(annotated.inputTokensStddev()), 0);
        long seed = first(cli.randomSeed(),
                annotated.randomSeed() == LlmBenchmark.UNSET_LONG ? null : annotated.randomSeed(), 0L);
        ProfileRunPolicy profileRuns = ProfileRunResolver.resolve(cli.profileRuns(), annotated.load().profileRuns(),
                loadCli.numProfileRuns(), cli.randomSeed() != null || annotated.randomSeed() != LlmBenchmark.UNSET_LONG);
        String goodput = first(cli.goodput(), blankToNull(annotated.goodput()), "");
        if (!goodput.isEmpty()) {
            // Parsed now so that a bad SLO fails before any benchmark runs.
            GoodputSlos.parse(goodput);
        }

        int[] concurrencies = list(overrides.ints(SweepParameter.CONCURRENCY, cli.concurrency()),
                annotated.concurrency(), DEFAULT_CONCURRENCY);
        boolean[] streamings = overrides.booleans(SweepParameter.STREAMING, cli.streaming(), annotated.streaming(),
                streamingByDefault);
        if (!endpointType.isGenerative()) {
            // Embeddings and rerankers answer whole: there is nothing to stream.
            streamings = new boolean[] {false};
        }
        int[] outputs = list(overrides.ints(SweepParameter.OUTPUT_TOKENS, cli.outputTokens()),
                annotated.outputTokens(), -1);
        int[] inputs = list(overrides.ints(SweepParameter.INPUT_TOKENS_MEAN, cli.inputTokensMean()),
                annotated.inputTokensMean(), DEFAULT_INPUT_TOKENS_MEAN);

        // The command line adds to the annotated fields and headers; its entry wins for the same name.
        Map<String, String> extraInputs = new LinkedHashMap<>(ExtraInputs.parse(annotated.extraInputs()));
        extraInputs.putAll(cli.extraInputs());
        Map<String, String> headers = new LinkedHashMap<>(AnnotatedHeaders.parse(annotated.headers()));
        headers.putAll(cli.headers());
        Duration timeout = first(cli.requestTimeout(), Double.isNaN(annotated.requestTimeoutSeconds()) ? null
                : Duration.ofNanos((long) (annotated.requestTimeoutSeconds() * 1e9)), DEFAULT_REQUEST_TIMEOUT);

        List<RunSpec> points = new ArrayList<>();
        double[] rates = loads.rates();
        for (double[] load : loadPoints(concurrencies, rates)) {
            int concurrency = (int) load[0];
            double rate = load[1];
            for (boolean streaming : streamings) {
                for (int output : outputs) {
                    for (int inputTokens : inputs) {
                        Map<String, String> point = new LinkedHashMap<>();
                        if (concurrencies.length > 1) {
                            point.put("concurrency", Integer.toString(concurrency));
                        }
                        if (rates.length > 1) {
                            point.put("requestRate", rate == Math.rint(rate) ? Long.toString((long) rate)
                                    : Double.toString(rate));
                        }
                        if (streamings.length > 1) {
                            point.put("streaming", Boolean.toString(streaming));
                        }
                        if (outputs.length > 1) {
                            point.put("outputTokens", Integer.toString(output));
                        }
                        if (inputs.length > 1) {
                            point.put("inputTokensMean", Integer.toString(inputTokens));
                        }
                        TargetSpec target = new TargetSpec(URI.create(url), model, endpointType, streaming,
                                cli.apiKey(), headers, extraInputs, timeout, endpoint);
                        InputSpec input = new InputSpec(dataset, inputTokens, stddev, output, seed,
                                first(cli.datasetEntries(), unsetToNull(annotated.datasetEntries()),
                                        DEFAULT_DATASET_ENTRIES),
                                first(cli.imageWidthMean(), unsetToNull(annotated.imageWidthMean()), DEFAULT_IMAGE_SIZE),
                                first(cli.imageHeightMean(), unsetToNull(annotated.imageHeightMean()),
                                        DEFAULT_IMAGE_SIZE),
                                first(cli.imageFormat(), blankToNull(annotated.imageFormat()), DEFAULT_IMAGE_FORMAT),
                                tokenizer, first(cli.inputFile().customDatasetType(),
                                        blankToNull(annotated.inputFile().customDatasetType())), synthesis,
                                prompts, publicDataset(cli, annotated.batch()), batches);
                        points.add(new RunSpec(name, point, target,
                                loads.resolve(concurrency, concurrencyGiven, rate, requestCountSetting, warmup, seed)
                                        .withProfileRuns(profileRuns),
                                input, goodput, artifactDir, outputSettings));
                    }
                }
            }
        }
        return points;
    }

    /** The command line's options, then {@code @PublicDataset}'s; {@code --offline} and its attribute add up. */
    private static PublicDatasetSpec publicDataset(CliSettings cli, io.llmbench.runtime.spec.AnnotatedBatch annotated) {
        PublicDatasetOptions.PublicDatasetCli options = cli.publicDataset() != null
                ? cli.publicDataset() : PublicDatasetOptions.PublicDatasetCli.none();
        boolean offline = options.offline() || annotated.offline().length > 0 && annotated.offline()[0];
        return new PublicDatasetSpec(first(options.samplingStrategy(), blankToNull(annotated.samplingStrategy()),
                "sequential"), offline,
                cli.datasetEntries() != null ? cli.datasetEntries() : -1);
    }

    /** Each concurrency with each rate, as {@code {concurrency, rate}} pairs, concurrency first. */
    private static List<double[]> loadPoints(int[] concurrencies, double[] rates) {
        List<double[]> pairs = new ArrayList<>();
        for (int concurrency : concurrencies) {
            for (double rate : rates) {
                pairs.add(new double[] {concurrency, rate});
            }
        }
        return pairs;
    }

    private static int[] list(int[] fromCli, int[] fromAnnotation, int fallback) {
        if (fromCli.length > 0) {
            return fromCli;
        }
        return fromAnnotation.length > 0 ? fromAnnotation : new int[] {fallback};
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer unsetToNull(int value) {
        return value == LlmBenchmark.UNSET ? null : value;
    }
}
