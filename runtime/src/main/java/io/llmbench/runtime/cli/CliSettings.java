package io.llmbench.runtime.cli;

import io.llmbench.annotations.EndpointType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The settings given on the command line; {@code null} (or an empty array) where an option was not
 * given, so that resolution can fall back to the annotation and then to the defaults.
 */
record CliSettings(
        String url,
        String model,
        EndpointType endpointType,
        Boolean streaming,
        int[] concurrency,
        Integer requestCount,
        Integer warmupRequestCount,
        int[] outputTokens,
        int[] inputTokensMean,
        Integer inputTokensStddev,
        Long randomSeed,
        Integer datasetEntries,
        String dataset,
        Integer imageWidthMean,
        Integer imageHeightMean,
        String imageFormat,
        String tokenizer,
        String apiKey,
        Map<String, String> headers,
        Map<String, String> extraInputs,
        String goodput,
        Duration requestTimeout,
        Path artifactDir,
        boolean mock,
        Double mockTtftMs,
        Double mockItlMs,
        Integer mockOutputTokens,
        Double mockErrorRate,
        Integer mockReasoningTokens,
        String host,
        Integer port,
        InputFileOptions.InputFileCli inputFile,
        SynthesisOptions.SynthesisCli synthesis,
        PublicDatasetOptions.PublicDatasetCli publicDataset,
        io.llmbench.runtime.mock.MockFaults mockFaults,
        io.llmbench.runtime.spec.EndpointSettings endpoint,
        OutputOptions.OutputCli output,
        SelectionCli selection,
        BatchOptions.BatchCli batches,
        LoadOptions.LoadCli load,
        SessionOptions.SessionCli sessions,
        GivenOptions given,
        ProfileRunOptions.ProfileRunCli profileRuns,
        ConversationTurnOptions.ConversationTurnCli turns) {
}
