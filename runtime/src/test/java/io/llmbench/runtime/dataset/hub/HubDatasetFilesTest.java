package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which files belong to which split: the datasets library's conventions and a card's configs. */
class HubDatasetFilesTest {

    @Test
    void shardedFilesUnderDataNameAnySplitAndWinOverOtherConventions() {
        List<String> files = List.of(".gitattributes", "README.md", "data/train-00000-of-00002.parquet",
                "data/train-00001-of-00002.parquet", "data/val-00000-of-00001.parquet", "test.jsonl");
        Map<String, List<String>> splits = SplitConventions.splits(files);
        assertEquals(List.of("train", "val"), List.copyOf(splits.keySet()), "test.jsonl is ignored once shards exist");
        assertEquals(List.of("data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet"),
                splits.get("train"));
    }

    @Test
    void splitKeywordsInFolderNamesComeBeforeFileNames() {
        List<String> files = List.of("README.md", "train/a.parquet", "train/b.parquet", "data/dev-set/x.jsonl",
                "test.jsonl");
        Map<String, List<String>> splits = SplitConventions.splits(files);
        assertEquals(Map.of("train", List.of("train/a.parquet", "train/b.parquet"),
                "validation", List.of("data/dev-set/x.jsonl")), splits, "test.jsonl is a file name: a later rule");
    }

    @Test
    void splitKeywordsInFileNamesNeedASeparator() {
        List<String> files = List.of("my_train_file.parquet", "train1.jsonl", "valley.parquet", "testing.json",
                "trainer.parquet", "notes.txt");
        Map<String, List<String>> splits = SplitConventions.splits(files);
        assertEquals(List.of("my_train_file.parquet", "train1.jsonl"), splits.get("train"));
        assertEquals(List.of("testing.json"), splits.get("test"));
        assertNull(splits.get("validation"), "valley is not val followed by a separator");
    }

    @Test
    void withoutAnyNamingEveryDataFileIsTrain() {
        assertEquals(Map.of("train", List.of("a/data.parquet", "rows.jsonl")),
                SplitConventions.splits(List.of("README.md", "a/data.parquet", "rows.jsonl", "image.png")));
    }

    @Test
    void aKeywordStandsForItsSplit() {
        assertEquals("validation", SplitConventions.canonical("val", List.of("train", "validation")));
        assertEquals("val", SplitConventions.canonical("val", List.of("val")));
        assertNull(SplitConventions.canonical("val", List.of("train")));
    }

    @Test
    void globsFollowPythonsGlob() {
        assertTrue(new HubGlob("data/*.parquet").matches("data/a.parquet"));
        assertFalse(new HubGlob("data/*.parquet").matches("data/x/a.parquet"), "* stays in one folder");
        assertTrue(new HubGlob("**/*.parquet").matches("a.parquet"), "** spans no folder too");
        assertTrue(new HubGlob("**/*.parquet").matches("x/y/a.parquet"));
        assertTrue(new HubGlob("part-[0-9][0-9].json").matches("part-07.json"));
        assertFalse(new HubGlob("part-[!0-9]*").matches("part-7"));
        assertTrue(new HubGlob("./rows?.jsonl").matches("rows1.jsonl"));
        assertFalse(new HubGlob("**").matches(".hidden/a.parquet"), "hidden folders only when named");
        assertTrue(new HubGlob(".hidden/*").matches(".hidden/a.parquet"));
        assertFalse(new HubGlob("*").matches("README.md"), "the card is no data file unless named");
        assertTrue(new HubGlob("README.md").matches("README.md"));
    }

    @Test
    void theCardMapsSplitsOfEachConfig() {
        DatasetCard card = DatasetCard.parse(String.join("\n",
                "---",
                "license: mit",
                "dataset_info:",
                "  features:",
                "  - name: question",
                "    dtype: string",
                "configs:",
                "- config_name: default",
                "  data_files:",
                "  - split: val",
                "    path: mmstar.parquet",
                "- config_name: extra",
                "  data_dir: more",
                "  data_files: rows-*.jsonl",
                "- config_name: listed",
                "  default: true",
                "  data_files:",
                "  - split: test",
                "    path:",
                "    - a/one.json",
                "    - b/*.json",
                "---",
                "# MMStar",
                "---"));
        assertEquals(List.of("default", "extra", "listed"), card.names());
        assertEquals("listed", card.config(null).name(), "default: true wins over the name default");
        assertEquals(Map.of("val", List.of("mmstar.parquet")), card.config("default").dataFiles());
        assertEquals(Map.of("train", List.of("rows-*.jsonl")), card.config("extra").dataFiles(),
                "a bare pattern is the train split");
        List<String> files = List.of("more/rows-1.jsonl", "more/rows-2.jsonl", "rows-3.jsonl", "a/one.json",
                "b/x.json", "b/y.json", "b/z.txt");
        assertEquals(Map.of("train", List.of("more/rows-1.jsonl", "more/rows-2.jsonl")),
                HubDatasetFiles.cardSplits(card.config("extra"), files), "patterns are relative to data_dir");
        assertEquals(Map.of("test", List.of("a/one.json", "b/x.json", "b/y.json")),
                HubDatasetFiles.cardSplits(card.config("listed"), files), "in pattern order, readable files only");
    }

    @Test
    void aReadmeWithoutConfigsOrFrontMatterDefinesNone() {
        assertEquals(DatasetCard.NONE, DatasetCard.parse("# Title\n\ntext"));
        assertEquals(DatasetCard.NONE, DatasetCard.parse("---\nlicense: mit\n---\n# Title"));
        assertThrows(IllegalArgumentException.class,
                () -> DatasetCard.parse("---\nconfigs:\n- data_files: x.csv\n---\n"), "a config needs its name");
    }

    @Test
    void aSubsetWithoutACardReadsItsFolder() {
        List<String> files = List.of("sharegpt4o/train-00000-of-00001.parquet", "other/train-00000-of-00001.parquet");
        assertEquals(Map.of("train", List.of("sharegpt4o/train-00000-of-00001.parquet")),
                HubDatasetFiles.conventionSplits(files, "sharegpt4o"));
    }
}
