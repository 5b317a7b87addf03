package io.llmbench.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.spec.BatchSpec;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.PublicDatasetSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticTextBatchesTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();

    private static List<DatasetEntry> load(long seed, int isl, int entries, BatchSpec batches) {
        return new DatasetLoader().load(new InputSpec(Datasets.SYNTHETIC, isl, 0, -1, seed, entries, 64, 64, "png",
                null, null, SynthesisSpec.defaults(), List.of(), PublicDatasetSpec.defaults(), batches), TOKENIZER);
    }

    private static BatchSpec embeddings(int size) {
        return new BatchSpec(size, false, 1, 0, 550, 0, 550, 0);
    }

    @Test
    void embeddingsBatchesHoldTheBatchSizeOfTextsOfTheInputLength() {
        List<DatasetEntry> entries = load(3, 24, 10, embeddings(5));
        assertEquals(10, entries.size());
        for (DatasetEntry entry : entries) {
            assertEquals(5, entry.texts().size(), entry.conversationId());
            for (String text : entry.texts()) {
                assertTrue(Math.abs(TOKENIZER.count(text) - 24) <= 2, text);
            }
            assertEquals(String.join("\n", entry.texts()), entry.text());
        }
    }

    @Test
    void rankingsEntriesAreAQueryThenPassagesAroundTheirMeans() {
        List<DatasetEntry> entries = load(5, 999, 300, new BatchSpec(1, true, 6, 2, 40, 0, 12, 0));
        double passages = 0;
        for (DatasetEntry entry : entries) {
            List<String> texts = entry.texts();
            assertTrue(texts.size() >= 2, "a query and at least one passage");
            assertTrue(Math.abs(TOKENIZER.count(texts.get(0)) - 12) <= 2, texts.get(0));
            for (String passage : texts.subList(1, texts.size())) {
                assertTrue(Math.abs(TOKENIZER.count(passage) - 40) <= 2, passage);
            }
            passages += texts.size() - 1;
        }
        double mean = passages / entries.size();
        assertTrue(Math.abs(mean - 6) < 0.5, "mean passages " + mean);
        assertTrue(entries.stream().map(e -> e.texts().size()).distinct().count() > 3, "the count varies");
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOthers() {
        BatchSpec rankings = new BatchSpec(1, true, 3, 1, 20, 5, 8, 2);
        assertEquals(load(11, 999, 20, rankings), load(11, 999, 20, rankings));
        assertNotEquals(load(11, 999, 20, rankings), load(12, 999, 20, rankings));
        assertEquals(load(11, 16, 20, embeddings(3)), load(11, 16, 20, embeddings(3)));
    }

    @Test
    void withoutBatchesTheSyntheticDatasetIsUnchanged() {
        List<DatasetEntry> entries = load(3, 24, 5, BatchSpec.defaults());
        assertTrue(entries.stream().allMatch(e -> e.texts().isEmpty()));
    }
}
