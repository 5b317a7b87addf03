package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.mock.MockFault;
import io.llmbench.runtime.mock.MockFaults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault can be asked for on the command line, and the standalone mock server injects it. */
class MockFaultFlagsTest {

    @ParameterizedTest
    @EnumSource(MockFault.class)
    void eachFaultHasItsFlagName(MockFault fault) {
        MockFaults faults = CliParser.parse(new String[] {"profile", "--mock", "--mock-fault", fault.cliName()})
                .settings().mockFaults();
        assertEquals(1.0, faults.rates().get(fault), fault.cliName() + " alone means rate 1");
        assertEquals(1, faults.rates().values().stream().filter(rate -> rate > 0).count());
    }

    @Test
    void aPortInUseIsOneLineThatSaysWhatToChange() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int exit = new Main(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                    .run(new String[] {"mock-server", "--host", "127.0.0.1", "--port",
                        Integer.toString(taken.getLocalPort())});
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCode.USAGE, exit);
            assertEquals("llmbench: the mock server could not listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use; choose another --port (0 picks a free one) or --host\n", message);
        }
    }

    @Test
    @Timeout(90)
    void theMockServerCommandInItsOwnProcessInjectsTheFaultItWasGiven() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "mock-server", "--port", "0", "--mock-fault", "http_429", "--mock-retry-after-seconds", "9")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> base = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        Matcher url = Pattern.compile("listening on (http://\\S+)").matcher(line);
                        if (url.find()) {
                            return url.group(1);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            String url = base.get(60, TimeUnit.SECONDS);
            assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "the server says where it listens: " + url);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/v1/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, response.statusCode(), response.body());
            assertEquals("9", response.headers().firstValue("Retry-After").orElse(null));
            assertTrue(response.body().contains("mock server injected fault: http_429"), response.body());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }
}
