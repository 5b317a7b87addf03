package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.cli.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that sends fewer requests than a split has rows, through {@code Main}: of a split stored in
 * three Parquet shards of four rows, only the shards holding the rows the run takes are requested
 * from the Hub, and the run's log says so.
 */
class PartialSplitThroughMainTest {

    private static final String REPO = "AI-MO/NuminaMath-TIR";

    @TempDir
    Path temp;

    private FakeHub hub;
    private ThroughMain main;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        for (int shard = 0; shard < 3; shard++) {
            int s = shard;
            hub.file(REPO, "main", "data/train-0000" + shard + "-of-00003.parquet", Fixtures.textParquet(temp,
                    "problem", IntStream.range(0, 4).mapToObj(r -> "shard " + s + " row " + r).toList()));
        }
        main = new ThroughMain();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        main.close();
    }

    private int run(String... extra) {
        Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint(), "LLMBENCH_CACHE",
                temp.resolve("cache").toString(), "HF_HOME", temp.resolve("hf").toString());
        List<String> args = new java.util.ArrayList<>(List.of("profile", "--url", main.url(), "--model", "m",
                "--public-dataset", "aimo", "--artifact-dir", temp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return main.run(env, args.toArray(String[]::new));
    }

    private List<String> shardsRequested() {
        return hub.received().stream().filter(p -> p.startsWith("/datasets/"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    }

    @Test
    void rowsFromTheFirstShardOnlyNeverRequestTheOthers() {
        assertEquals(ExitCode.OK, run("--request-count", "3"), main.stdout() + main.stderr());
        assertEquals(List.of("shard 0 row 0", "shard 0 row 1", "shard 0 row 2"),
                main.requests().stream().map(ThroughMain::firstText).toList());
        assertEquals(List.of("train-00000-of-00003.parquet"), shardsRequested());
        assertTrue(main.stdout().contains("# Dataset files: AI-MO/NuminaMath-TIR, split train, found by the Hub's"
                + " file naming conventions: 1 of 3 files (data/train-00000-of-00003.parquet); the first 3 entries"
                + " were enough, the other 2 files were not fetched"), main.stdout());
    }

    @Test
    void warmupRequestsTakeEntriesToo() {
        assertEquals(ExitCode.OK, run("--warmup-request-count", "2", "--request-count", "3"),
                main.stdout() + main.stderr());
        assertEquals(List.of("train-00000-of-00003.parquet", "train-00001-of-00003.parquet"), shardsRequested(),
                "5 entries: the fifth row is in the second shard");
    }
}
