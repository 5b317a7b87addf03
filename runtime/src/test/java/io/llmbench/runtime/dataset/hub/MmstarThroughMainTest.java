package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.cli.ExitCode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --public-dataset mmstar} through {@code Main}, with {@code HF_ENDPOINT} pointed at a local
 * Hub: what reaches the serving endpoint is each question followed by its image as an RGB JPEG.
 */
class MmstarThroughMainTest {

    @TempDir
    Path temp;

    private FakeHub hub;
    private ThroughMain main;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        hub.file("Lin-Chen/MMStar", "main", "mmstar.parquet",
                Fixtures.mmstarParquet(temp, PublicDatasetLoaderTest.mmstarRows()));
        main = new ThroughMain();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        main.close();
    }

    private Map<String, String> env() {
        return Map.of("HF_ENDPOINT", hub.endpoint(), "LLMBENCH_CACHE", temp.resolve("cache").toString(),
                "HF_HOME", temp.resolve("hf").toString());
    }

    @Test
    void eachRequestCarriesTheQuestionThenItsImageAsJpeg() throws Exception {
        int exit = main.run(env(), "profile", "--url", main.url(), "--model", "vlm",
                "--public-dataset", "mmstar", "--request-count", "5", "--artifact-dir", temp.resolve("out").toString());
        assertEquals(ExitCode.OK, exit, main.stdout() + "\n" + main.stderr());

        List<Fixtures.MmstarRow> rows = PublicDatasetLoaderTest.mmstarRows();
        List<JsonNode> received = main.requests();
        assertEquals(5, received.size());
        for (int i = 0; i < 5; i++) {
            JsonNode content = received.get(i).path("messages").path(0).path("content");
            assertEquals(2, content.size(), content.toString());
            assertEquals("text", content.path(0).path("type").asText());
            assertEquals(rows.get(i).question(), content.path(0).path("text").asText(), "rows are sent in order");
            assertEquals("image_url", content.path(1).path("type").asText());
            BufferedImage image = ImageTranscoderTest.decodeDataUrl(content.path(1).path("image_url").path("url").asText());
            assertEquals(ImageTranscoder.decode(rows.get(i).image()).getWidth(), image.getWidth());
            assertTrue(!received.get(i).toString().contains("\"answer\""), "the answer is never sent");
        }
        String out = main.stdout();
        assertTrue(out.contains("Image Throughput"), out);
        assertTrue(out.contains("# Dataset: mmstar (Hugging Face Hub), sampling sequential, max_tokens not sent"), out);
        assertTrue(out.contains("# Dataset files: Lin-Chen/MMStar, split val, named by the dataset's definition:"
                + " 1 file (mmstar.parquet)"), out);
    }

    @Test
    void offlineWithoutACacheIsOneLineAndNoRequest() {
        int exit = main.run(env(), "profile", "--url", main.url(), "--model", "vlm",
                "--public-dataset", "mmstar", "--offline", "--artifact-dir", temp.resolve("out").toString());
        String err = main.stderr();
        assertEquals(ExitCode.USAGE, exit, err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("llmbench: dataset mmstar (Lin-Chen/MMStar, split val): offline"), err);
        assertEquals(0, main.requests().size());
        assertEquals(List.of(), hub.received(), "--offline keeps the tokenizer look-up off the Hub too");
    }
}
