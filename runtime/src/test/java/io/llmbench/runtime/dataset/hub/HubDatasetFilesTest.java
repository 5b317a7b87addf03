package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubDatasetFilesTest {

    private static final List<String> FILES = List.of(
            ".gitattributes", "README.md",
            "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet",
            "data/validation-00000-of-00001.parquet", "data/training_notes.txt",
            "sharegpt4o/train-00000-of-00001.parquet", "other/train-00000-of-00001.parquet",
            "test.jsonl", "val/part-0.json", "valley.parquet");

    @Test
    void splitFilesAreNamedForTheSplitOrSitInItsFolder() {
        assertEquals(List.of("data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet",
                "sharegpt4o/train-00000-of-00001.parquet", "other/train-00000-of-00001.parquet"),
                HubDatasetFiles.matching(FILES, null, "train"));
        assertEquals(List.of("test.jsonl"), HubDatasetFiles.matching(FILES, null, "test"));
        assertEquals(List.of("val/part-0.json"), HubDatasetFiles.matching(FILES, null, "val"),
                "valley.parquet does not belong to split val");
    }

    @Test
    void aSubsetKeepsOnlyTheFilesInItsFolder() {
        assertEquals(List.of("sharegpt4o/train-00000-of-00001.parquet"),
                HubDatasetFiles.matching(FILES, "sharegpt4o", "train"));
    }
}
