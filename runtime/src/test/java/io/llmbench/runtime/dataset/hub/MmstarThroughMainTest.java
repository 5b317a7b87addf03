package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --public-dataset mmstar} through {@code Main}, with {@code HF_ENDPOINT} pointed at a local
 * Hub: what reaches the serving endpoint is each question followed by its image as an RGB JPEG.
 */
class MmstarThroughMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ANSWER = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"vlm\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private FakeHub hub;
    private Server target;
    private ServerConnector targetConnector;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        hub.file("Lin-Chen/MMStar", "main", "mmstar.parquet",
                Fixtures.mmstarParquet(temp, PublicDatasetLoaderTest.mmstarRows()));
        target = new Server();
        targetConnector = new ServerConnector(target);
        targetConnector.setHost("127.0.0.1");
        targetConnector.setPort(0);
        target.addConnector(targetConnector);
        target.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                received.add(JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8)));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
                return true;
            }
        });
        target.start();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        target.stop();
    }

    private int run(Map<String, String> env, String... args) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader(), env).run(args);
    }

    private Map<String, String> env() {
        return Map.of("HF_ENDPOINT", hub.endpoint(), "LLMBENCH_CACHE", temp.resolve("cache").toString(),
                "HF_HOME", temp.resolve("hf").toString());
    }

    @Test
    void eachRequestCarriesTheQuestionThenItsImageAsJpeg() throws Exception {
        int exit = run(env(), "profile", "--url", "127.0.0.1:" + targetConnector.getLocalPort(), "--model", "vlm",
                "--public-dataset", "mmstar", "--request-count", "5", "--artifact-dir", temp.resolve("out").toString());
        assertEquals(ExitCode.OK, exit, stdout + "\n" + stderr);

        List<Fixtures.MmstarRow> rows = PublicDatasetLoaderTest.mmstarRows();
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
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Image Throughput"), out);
        assertTrue(out.contains("# Dataset: mmstar (Hugging Face Hub), sampling sequential, max_tokens not sent"), out);
    }

    @Test
    void offlineWithoutACacheIsOneLineAndNoRequest() {
        int exit = run(env(), "profile", "--url", "127.0.0.1:" + targetConnector.getLocalPort(), "--model", "vlm",
                "--public-dataset", "mmstar", "--offline", "--artifact-dir", temp.resolve("out").toString());
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, exit, err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("llmbench: dataset mmstar (Lin-Chen/MMStar, split val): offline"), err);
        assertEquals(0, received.size());
        assertEquals(List.of(), hub.received(), "--offline keeps the tokenizer look-up off the Hub too");
    }
}
