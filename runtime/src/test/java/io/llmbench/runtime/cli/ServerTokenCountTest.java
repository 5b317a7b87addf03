package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.testing.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --use-server-token-count} end to end, against a real server whose usage deliberately
 * disagrees with what any tokenizer would count of its text ("one two three" reported as 77
 * completion tokens, of which 7 reasoning, for a prompt of 1,234): the run's ISL, OSL and reasoning
 * counts are the server's, and a server that reports no usage leaves the run without token counts,
 * said in one line.
 */
class ServerTokenCountTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "\"usage\":{\"prompt_tokens\":1234,\"completion_tokens\":77,"
            + "\"total_tokens\":1311,\"completion_tokens_details\":{\"reasoning_tokens\":7}}";

    @TempDir
    Path artifacts;

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** A streaming chat server: three content chunks, then the usage chunk when {@code withUsage}. */
    private String start(boolean withUsage) throws Exception {
        server = new Server();
        ServerConnector connector = Loopback.listen(server, new ServerConnector(server, 1, 1));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
                    StringBuilder sse = new StringBuilder();
                    for (String word : new String[] {"one", " two", " three"}) {
                        sse.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                                + "\"delta\":{\"content\":\"").append(word).append("\"}}]}\n\n");
                    }
                    if (withUsage) {
                        sse.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],")
                                .append(USAGE).append("}\n\n");
                    }
                    sse.append("data: [DONE]\n\n");
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
                    response.write(true, StandardCharsets.UTF_8.encode(sse.toString()), callback);
                });
                return true;
            }
        });
        server.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private record Run(String console, JsonNode summary, JsonNode inputs) {
    }

    private Run profile(String url, String... more) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path root = artifacts.resolve("r" + System.nanoTime());
        List<String> args = new ArrayList<>(List.of("profile", "--url", url, "--model", "m", "--streaming",
                "--isl", "16", "--concurrency", "2", "--request-count", "4", "--tokenizer", "cl100k_base",
                "--artifact-dir", root.toString()));
        args.addAll(List.of(more));
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args.toArray(String[]::new));
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, console);
        try (Stream<Path> runs = Files.list(root)) {
            Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            JsonNode summary = JSON.readTree(run.resolve("profile_export_llmbench.json").toFile());
            return new Run(console, summary, summary.path("input_config"));
        }
    }

    private static double avg(JsonNode summary, String tag) {
        assertTrue(summary.has(tag), tag + " missing: " + summary);
        return summary.path(tag).path("avg").asDouble();
    }

    @Test
    void takesInputOutputAndReasoningCountsFromTheServersUsage() throws Exception {
        Run run = profile(start(true), "--use-server-token-count");

        assertEquals(1234, avg(run.summary(), "input_sequence_length"), 1e-9);
        assertEquals(77, avg(run.summary(), "output_sequence_length"), 1e-9,
                "completion_tokens, reasoning included");
        assertEquals(7, avg(run.summary(), "reasoning_token_count"), 1e-9);
        assertTrue(run.console().contains("token counts from server usage"), run.console());
        assertTrue(run.inputs().path("endpoint").path("use_server_token_count").asBoolean(), run.inputs().toString());
        assertFalse(run.console().contains("client tokenizer"),
                "no client count to compare with the server's: " + run.console());
    }

    @Test
    void countsWithTheClientsTokenizerWithoutTheFlag() throws Exception {
        Run run = profile(start(true));

        assertEquals(3, avg(run.summary(), "output_sequence_length"), 1e-9, "\"one two three\" in cl100k_base");
        assertEquals(16, avg(run.summary(), "input_sequence_length"), 1e-9);
        assertTrue(run.console().contains("Output tokens: client tokenizer"),
                "the disagreement with the server is shown: " + run.console());
    }

    @Test
    void aServerWithoutUsageLeavesNoTokenCountsAndSaysSo() throws Exception {
        Run run = profile(start(false), "--use-server-token-count");

        assertFalse(run.summary().has("output_sequence_length"), run.summary().toString());
        assertFalse(run.summary().has("input_sequence_length"), run.summary().toString());
        assertTrue(run.summary().has("time_to_first_token"), "latencies are measured as ever");
        assertTrue(run.console().contains("4 of 4 requests reported no usage"), run.console());
    }
}
