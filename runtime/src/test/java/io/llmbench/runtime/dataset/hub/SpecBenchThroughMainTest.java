package io.llmbench.runtime.dataset.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
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
 * {@code --public-dataset spec_bench} through {@code Main}: the questions come from a local server
 * standing in for GitHub, and each request the serving endpoint receives carries one row's first turn.
 */
class SpecBenchThroughMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/spec/question.jsonl";
    private static final byte[] ANSWER = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private RawFileServer github;
    private Server target;
    private ServerConnector targetConnector;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        github = new RawFileServer().file(PATH, String.join("\n",
                "{\"question_id\": 1, \"category\": \"writing\", \"turns\": [\"Write a haiku.\", \"Now a limerick.\"]}",
                "{\"question_id\": 2, \"category\": \"math_reasoning\", \"turns\": [\"What is 7 * 6?\"]}",
                "{\"question_id\": 3, \"category\": \"qa\", \"turns\": [\"\"]}",
                "{\"question_id\": 4, \"category\": \"rag\", \"turns\": [\"Summarise the passage.\"]}")
                .getBytes(StandardCharsets.UTF_8));
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
        github.close();
        target.stop();
    }

    private int run(String... args) {
        Map<String, String> env = Map.of("LLMBENCH_SPEC_BENCH_URL", github.url(PATH),
                "LLMBENCH_CACHE", temp.resolve("cache").toString(), "HF_HOME", temp.resolve("hf").toString(),
                "HF_ENDPOINT", "http://127.0.0.1:9");
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Thread.currentThread().getContextClassLoader(), env).run(args);
    }

    @Test
    void eachRequestCarriesOneRowsFirstTurnInOrder() {
        int exit = run("profile", "--url", "127.0.0.1:" + targetConnector.getLocalPort(), "--model", "m",
                "--public-dataset", "spec_bench", "--request-count", "4", "--artifact-dir",
                temp.resolve("out").toString());
        assertEquals(ExitCode.OK, exit, stdout + "\n" + stderr);

        List<String> sent = received.stream()
                .map(body -> body.path("messages").path(0).path("content").path(0).path("text").asText(
                        body.path("messages").path(0).path("content").asText()))
                .toList();
        assertEquals(List.of("Write a haiku.", "What is 7 * 6?", "Summarise the passage.", "Write a haiku."), sent,
                "the empty first turn is skipped; entries are used again from the first");
        for (JsonNode body : received) {
            assertEquals(1, body.path("messages").size(), "single turn: " + body);
        }
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("# Dataset: spec_bench (GitHub, hemingkx/Spec-Bench), sampling sequential"), out);
        assertEquals(1, github.received().size(), "downloaded once");
    }
}
