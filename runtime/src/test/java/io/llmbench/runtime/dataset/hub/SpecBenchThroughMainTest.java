package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --public-dataset spec_bench} through {@code Main}: the questions come from a local server
 * standing in for GitHub, and each request the serving endpoint receives carries one row's first turn.
 */
class SpecBenchThroughMainTest {

    private static final String PATH = "/spec/question.jsonl";

    @TempDir
    Path temp;

    private FakeHub github;
    private ThroughMain main;

    @BeforeEach
    void start() throws Exception {
        github = new FakeHub().raw(PATH, String.join("\n",
                "{\"question_id\": 1, \"category\": \"writing\", \"turns\": [\"Write a haiku.\", \"Now a limerick.\"]}",
                "{\"question_id\": 2, \"category\": \"math_reasoning\", \"turns\": [\"What is 7 * 6?\"]}",
                "{\"question_id\": 3, \"category\": \"qa\", \"turns\": [\"\"]}",
                "{\"question_id\": 4, \"category\": \"rag\", \"turns\": [\"Summarise the passage.\"]}")
                .getBytes(StandardCharsets.UTF_8));
        main = new ThroughMain();
    }

    @AfterEach
    void stop() throws Exception {
        github.close();
        main.close();
    }

    @Test
    void eachRequestCarriesOneRowsFirstTurnInOrder() {
        Map<String, String> env = Map.of("LLMBENCH_SPEC_BENCH_URL", github.url(PATH),
                "LLMBENCH_CACHE", temp.resolve("cache").toString(), "HF_HOME", temp.resolve("hf").toString(),
                "HF_ENDPOINT", "http://127.0.0.1:9");
        int exit = main.run(env, "profile", "--url", main.url(), "--model", "m",
                "--public-dataset", "spec_bench", "--request-count", "4", "--artifact-dir",
                temp.resolve("out").toString());
        assertEquals(ExitCode.OK, exit, main.stdout() + "\n" + main.stderr());

        List<String> sent = main.requests().stream().map(ThroughMain::firstText).toList();
        assertEquals(List.of("Write a haiku.", "What is 7 * 6?", "Summarise the passage.", "Write a haiku."), sent,
                "the empty first turn is skipped; entries are used again from the first");
        for (JsonNode body : main.requests()) {
            assertEquals(1, body.path("messages").size(), "single turn: " + body);
        }
        String out = main.stdout();
        assertTrue(out.contains("# Dataset: spec_bench (GitHub, hemingkx/Spec-Bench), sampling sequential"), out);
        assertEquals(1, github.requests().size(), "downloaded once");
    }
}
