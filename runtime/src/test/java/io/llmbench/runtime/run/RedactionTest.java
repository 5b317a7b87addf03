package io.llmbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.cli.ExitCode;
import io.llmbench.runtime.cli.Main;
import io.llmbench.runtime.testing.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted credentials (the API key, Authorization, x-api-key and Proxy-Authorization headers) never
 * reach the console or any file a run writes, at every export level, even when the server quotes them
 * back in its error messages. llmbench does not print its own command line; the settings it echoes
 * ({@code input_config} in the exports, the run header on the console) are searched here too.
 */
class RedactionTest {

    private final String apiKey = "sk-planted-" + UUID.randomUUID();
    private final String headerKey = "xk-planted-" + UUID.randomUUID();
    private final String bearer = "bt-planted-" + UUID.randomUUID();
    private final String authorization = "au-planted-" + UUID.randomUUID();

    /** A server that rejects every request, quoting the credentials it received, as careless gateways do. */
    private static Server echoingServer() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String quoted = "invalid credentials: authorization=" + request.getHeaders().get("Authorization")
                        + " x-api-key=" + request.getHeaders().get("x-api-key")
                        + " proxy=" + request.getHeaders().get("Proxy-Authorization");
                byte[] body = ("{\"error\":{\"message\":\"" + quoted + "\",\"type\":\"auth\",\"code\":401}}")
                        .getBytes(StandardCharsets.UTF_8);
                response.setStatus(401);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), getClass().getClassLoader()).run(args);
    }

    private String[] credentials(String... rest) {
        List<String> args = new ArrayList<>(List.of("--api-key", apiKey, "-H", "x-api-key: " + headerKey,
                "-H", "Proxy-Authorization: Bearer " + bearer));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private void assertNoSecretIn(String where, String text) {
        for (String secret : List.of(apiKey, headerKey, bearer, authorization)) {
            assertFalse(text.contains(secret), () -> "a planted secret leaked into " + where + ":\n" + text);
        }
    }

    @Test
    void plantedKeysAppearInNoOutputFileNorOnTheConsole(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Server server = echoingServer();
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            int exit = run(out, err, credentials("profile", "--url", "127.0.0.1:" + port, "--model", "not--a-hub-id",
                    "--streaming", "--concurrency", "2", "--request-count", "4",
                    "--artifact-dir", dir.resolve("rejected").toString()));
            assertEquals(ExitCode.RUN_FAILED, exit);
        } finally {
            server.stop();
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("authorization=Bearer <redacted> x-api-key=<redacted> proxy=<redacted>"),
                "the server's message is shown, its secrets replaced: " + out);
        int exit = run(out, err, credentials("profile", "--mock", "--streaming", "--concurrency", "4",
                "--request-count", "40", "--mock-fault-mix", "0.05", "--mock-stall-ms", "50",
                "--mock-slow-headers-ms", "50", "--artifact-dir", dir.resolve("mock").toString()));
        assertEquals(ExitCode.OK, exit, err::toString);
        // Authorization given as a header rather than --api-key, and every kind of output file: raw
        // records (bodies and events), time slices, plots and report.html, the invocation's result file.
        exit = run(out, err, "profile", "--mock", "--streaming", "-H", "Authorization: Bearer " + authorization,
                "-H", "x-api-key:" + headerKey, "--concurrency", "2", "--request-count", "12", "--osl", "4",
                "--mock-fault", "error_event:0.3", "--export-level", "raw", "--slice-duration", "0.5", "--plots",
                "-rf", "json", "--artifact-dir", dir.resolve("raw").toString());
        assertEquals(ExitCode.OK, exit, err::toString);
        exit = run(out, err, "profile", "--mock", "-H", apiKey);
        assertEquals(ExitCode.USAGE, exit);
        exit = run(out, err, "profile", "--mock", "--api-key", apiKey, "--concurrency", "zero");
        assertEquals(ExitCode.USAGE, exit);

        assertNoSecretIn("stdout", out.toString(StandardCharsets.UTF_8));
        assertNoSecretIn("stderr", err.toString(StandardCharsets.UTF_8));
        int files = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertNoSecretIn(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                files++;
            }
        }
        assertTrue(files >= 14, "the three runs wrote their exports, found " + files + " files");
        try (Stream<Path> walk = Files.walk(dir.resolve("raw"))) {
            List<String> names = walk.map(p -> p.getFileName().toString()).toList();
            for (String expected : List.of("report.html", "profile_export.jsonl", "inputs.json",
                    "profile_export_llmbench_timeslices.json", "llmbench-result.json")) {
                assertTrue(names.contains(expected), expected + " was written and searched: " + names);
            }
        }
    }
}
