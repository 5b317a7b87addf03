package io.llmbench.runtime.dataset.hub;

/**
 * Which of a public dataset's rows are sent, in which order.
 *
 * @param strategy the order of the rows
 * @param seed the seed of {@link SamplingStrategy#RANDOM} and {@link SamplingStrategy#SHUFFLE}
 * @param limit at most this many entries ({@code --num-dataset-entries}), or {@code -1} for all rows
 * @param outputTokens the run's {@code max_tokens} setting, {@code -1} when not set (ShareGPT's filter
 *     skips its minimum reply length when it is set, as AIPerf's does)
 * @param entriesUsed how many entries the run sends, taking them in order from the first (warmup and
 *     profiling requests of a run bounded by counts), or {@code -1} when not known in advance (a run
 *     bounded by a duration)
 */
public record PublicDatasetSelection(SamplingStrategy strategy, long seed, int limit, int outputTokens,
        int entriesUsed) {

    /** A selection for a run whose use of the entries is not known in advance. */
    public PublicDatasetSelection(SamplingStrategy strategy, long seed, int limit, int outputTokens) {
        this(strategy, seed, limit, outputTokens, -1);
    }

    /**
     * How many rows from the first are enough, or {@code -1} when every row must be read: only in
     * sequential order, where the run can use no entry past the {@code limit}-th nor past the
     * {@code entriesUsed}-th. Random and shuffled orders draw from every row.
     */
    int rowsWanted() {
        if (strategy != SamplingStrategy.SEQUENTIAL) {
            return -1;
        }
        int wanted = -1;
        for (int bound : new int[] {limit, entriesUsed}) {
            if (bound > 0) {
                wanted = wanted < 0 ? bound : Math.min(wanted, bound);
            }
        }
        return wanted;
    }
}
