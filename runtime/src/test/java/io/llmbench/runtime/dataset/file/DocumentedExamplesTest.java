package io.llmbench.runtime.dataset.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.DatasetLoader;
import io.llmbench.runtime.token.FallbackTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example file of {@code docs/input-formats.md} loads, and is detected as the format it documents. */
class DocumentedExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void everyDocumentedExampleIsDetectedAsItsFormatAndLoads() {
        Map<String, CustomDatasetType> examples = Map.of(
                "single_turn.jsonl", CustomDatasetType.SINGLE_TURN,
                "multi_turn.jsonl", CustomDatasetType.MULTI_TURN,
                "random_pool", CustomDatasetType.RANDOM_POOL,
                "mooncake_trace.jsonl", CustomDatasetType.MOONCAKE_TRACE,
                "bailian_trace.jsonl", CustomDatasetType.BAILIAN_TRACE,
                "burst_gpt.csv", CustomDatasetType.BURST_GPT_TRACE,
                "sagemaker_data_capture.jsonl", CustomDatasetType.SAGEMAKER_DATA_CAPTURE,
                "raw_payload.jsonl", CustomDatasetType.RAW_PAYLOAD,
                "inputs.json", CustomDatasetType.INPUTS_JSON);
        FallbackTokenizer tokenizer = new FallbackTokenizer();
        examples.forEach((name, type) -> {
            Path path = EXAMPLES.resolve(name);
            assertEquals(type, FileDatasetLoader.detect(path), name);
            List<DatasetEntry> entries = new DatasetLoader().load(CustomFileDatasetTest.spec(path, null, 5), tokenizer);
            assertFalse(entries.isEmpty(), name);
        });
    }
}
