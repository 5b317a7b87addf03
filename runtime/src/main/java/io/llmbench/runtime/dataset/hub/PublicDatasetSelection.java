package io.llmbench.runtime.dataset.hub;

/**
 * Which of a public dataset's rows are sent, in which order.
 *
 * @param strategy the order of the rows
 * @param seed the seed of {@link SamplingStrategy#RANDOM} and {@link SamplingStrategy#SHUFFLE}
 * @param limit at most this many entries ({@code --num-dataset-entries}), or {@code -1} for all rows
 * @param outputTokens the run's {@code max_tokens} setting, {@code -1} when not set (ShareGPT's filter
 *     skips its minimum reply length when it is set, as AIPerf's does)
 */
public record PublicDatasetSelection(SamplingStrategy strategy, long seed, int limit, int outputTokens) {
}
