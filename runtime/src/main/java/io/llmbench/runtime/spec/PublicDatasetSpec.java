package io.llmbench.runtime.spec;

/**
 * How a public (Hugging Face Hub) dataset is read and sampled.
 *
 * @param samplingStrategy {@code sequential}, {@code random} or {@code shuffle}
 *     ({@code --dataset-sampling-strategy})
 * @param offline whether the Hub must not be contacted ({@code --offline}; {@code HF_HUB_OFFLINE}
 *     has the same effect)
 * @param entryLimit at most this many entries ({@code --num-dataset-entries} when given), or
 *     {@code -1} for every row
 */
public record PublicDatasetSpec(String samplingStrategy, boolean offline, int entryLimit) {

    /** Every row, in order, Hub allowed: AIPerf's defaults for public datasets. */
    public static PublicDatasetSpec defaults() {
        return new PublicDatasetSpec("sequential", false, -1);
    }
}
