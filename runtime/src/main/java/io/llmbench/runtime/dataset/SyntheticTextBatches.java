package io.llmbench.runtime.dataset;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.BatchSpec;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code synthetic} dataset as batches of texts, one batch per request, as AIPerf builds them for
 * the endpoints that take several texts: embeddings entries of {@code --batch-size-text} prompts of
 * {@code --isl} ± {@code --isl-stddev} tokens each, and rankings entries of one query and
 * N({@code --rankings-passages-mean}, stddev) passages (at least one), each of its own length. Texts
 * are cut from the corpus by {@link SyntheticPromptGenerator} under the run's tokenizer and seed.
 */
final class SyntheticTextBatches {

    private SyntheticTextBatches() {
    }

    static List<DatasetEntry> generate(InputSpec input, Tokenizer tokenizer) {
        BatchSpec batches = input.batches();
        int count = input.datasetEntries();
        if (count < 1) {
            throw new UserInputException("--num-dataset-entries must be at least 1, got " + count);
        }
        SyntheticPromptGenerator prompts = new SyntheticPromptGenerator(tokenizer, input.randomSeed());
        int[] sizes = new int[count];
        List<Integer> lengths = new ArrayList<>();
        if (batches.rankings()) {
            Random passageCounts = SeededRandoms.derive(input.randomSeed(), "dataset.rankings.passages");
            for (int i = 0; i < count; i++) {
                int passages = SeededRandoms.positiveNormalInt(passageCounts, batches.passagesMean(),
                        batches.passagesStddev());
                sizes[i] = 1 + passages;
                lengths.add(prompts.sampleLength(batches.queryTokensMean(), batches.queryTokensStddev()));
                for (int k = 0; k < passages; k++) {
                    lengths.add(prompts.sampleLength(batches.passageTokensMean(), batches.passageTokensStddev()));
                }
            }
        } else {
            if (input.inputTokensMean() < 1 || input.inputTokensStddev() < 0) {
                throw new UserInputException("embeddings batches need --synthetic-input-tokens-mean of at least 1"
                        + " and a non-negative --synthetic-input-tokens-stddev; got " + input.inputTokensMean() + "±"
                        + input.inputTokensStddev());
            }
            for (int i = 0; i < count; i++) {
                sizes[i] = batches.textBatchSize();
                for (int k = 0; k < sizes[i]; k++) {
                    lengths.add(prompts.sampleLength(input.inputTokensMean(), input.inputTokensStddev()));
                }
            }
        }
        // One call for all texts: the slow part (decoding and re-counting) then runs in parallel.
        List<String> texts = prompts.prompts(lengths.stream().mapToInt(Integer::intValue).toArray());
        List<DatasetEntry> entries = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            entries.add(DatasetEntry.batch(Datasets.SYNTHETIC + "-" + i, texts.subList(next, next + sizes[i])));
            next += sizes[i];
        }
        return List.copyOf(entries);
    }
}
