package io.llmbench.runtime.spec;

/**
 * What is sent.
 *
 * @param dataset a dataset name of {@code io.llmbench.annotations.Datasets} or {@code file:<path>}
 * @param inputTokensMean mean synthetic prompt length in tokens
 * @param inputTokensStddev standard deviation of synthetic prompt lengths in tokens
 * @param outputTokens {@code max_tokens} per request, or {@code -1} to send none
 * @param randomSeed seed of synthetic data
 * @param datasetEntries how many distinct entries a synthetic dataset holds (AIPerf's
 *     {@code --num-dataset-entries})
 * @param imageWidthMean mean width of synthetic images in pixels
 * @param imageHeightMean mean height of synthetic images in pixels
 * @param imageFormat {@code png} or {@code jpeg}
 * @param tokenizer a local {@code tokenizer.json} path or folder, a Hub model id, or {@code null}
 *     for the model's own
 * @param customDatasetType the format of a {@code file:} dataset (AIPerf's {@code --custom-dataset-type}),
 *     or {@code null} to detect it from the file
 * @param synthesis how synthetic inputs are shaped beyond their mean lengths
 * @param inlinePrompts prompts given directly (the {@code inline} dataset sends them as they are), or empty
 * @param publicDataset how a public (Hub) dataset is read and sampled
 * @param batches texts per request for embeddings and rankings ({@link BatchSpec#defaults()} for one)
 */
public record InputSpec(
        String dataset,
        int inputTokensMean,
        int inputTokensStddev,
        int outputTokens,
        long randomSeed,
        int datasetEntries,
        int imageWidthMean,
        int imageHeightMean,
        String imageFormat,
        String tokenizer,
        String customDatasetType,
        SynthesisSpec synthesis,
        java.util.List<String> inlinePrompts,
        PublicDatasetSpec publicDataset,
        BatchSpec batches) {

    public InputSpec {
        if (synthesis == null) {
            synthesis = SynthesisSpec.defaults();
        }
        inlinePrompts = inlinePrompts == null ? java.util.List.of() : java.util.List.copyOf(inlinePrompts);
        publicDataset = publicDataset == null ? PublicDatasetSpec.defaults() : publicDataset;
        batches = batches == null ? BatchSpec.defaults() : batches;
    }

    /** A spec without text batches. */
    public InputSpec(String dataset, int inputTokensMean, int inputTokensStddev, int outputTokens, long randomSeed,
            int datasetEntries, int imageWidthMean, int imageHeightMean, String imageFormat, String tokenizer,
            String customDatasetType, SynthesisSpec synthesis, java.util.List<String> inlinePrompts,
            PublicDatasetSpec publicDataset) {
        this(dataset, inputTokensMean, inputTokensStddev, outputTokens, randomSeed, datasetEntries, imageWidthMean,
                imageHeightMean, imageFormat, tokenizer, customDatasetType, synthesis, inlinePrompts, publicDataset,
                BatchSpec.defaults());
    }

    /** A spec with the default public-dataset settings. */
    public InputSpec(String dataset, int inputTokensMean, int inputTokensStddev, int outputTokens, long randomSeed,
            int datasetEntries, int imageWidthMean, int imageHeightMean, String imageFormat, String tokenizer,
            String customDatasetType, SynthesisSpec synthesis, java.util.List<String> inlinePrompts) {
        this(dataset, inputTokensMean, inputTokensStddev, outputTokens, randomSeed, datasetEntries, imageWidthMean,
                imageHeightMean, imageFormat, tokenizer, customDatasetType, synthesis, inlinePrompts,
                PublicDatasetSpec.defaults());
    }

    /** A spec with no custom dataset type and the default synthesis and public-dataset settings. */
    public InputSpec(String dataset, int inputTokensMean, int inputTokensStddev, int outputTokens, long randomSeed,
            int datasetEntries, int imageWidthMean, int imageHeightMean, String imageFormat, String tokenizer) {
        this(dataset, inputTokensMean, inputTokensStddev, outputTokens, randomSeed, datasetEntries, imageWidthMean,
                imageHeightMean, imageFormat, tokenizer, null, SynthesisSpec.defaults(), java.util.List.of(),
                PublicDatasetSpec.defaults());
    }

    /** This input with another seed (a repeated run with a seed of its own). */
    public InputSpec withRandomSeed(long seed) {
        return new InputSpec(dataset, inputTokensMean, inputTokensStddev, outputTokens, seed, datasetEntries,
                imageWidthMean, imageHeightMean, imageFormat, tokenizer, customDatasetType, synthesis, inlinePrompts,
                publicDataset, batches);
    }
}
