package io.llmbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server in a JVM of its own ({@code llmbench mock-server} on a free port), so that its work
 * does not count as the client's CPU, heap or GC pauses. Stopped with {@link #close()}.
 */
final class MockProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI baseUri;

    private MockProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** Starts {@code mock-server} with {@code mockOptions} and waits until it listens. */
    static MockProcess start(String... mockOptions) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        // -Dbench.mock.jvm="..." passes options to the mock's JVM, e.g. a flight recording of the mock alone.
        String extra = System.getProperty("bench.mock.jvm", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        List<String> command = ChildJvm.command(jvm, "io.llmbench.runtime.cli.Main", "mock-server", "--host",
                "127.0.0.1", "--port", "0");
        command.addAll(List.of(mockOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                // Keep draining its output so that it never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // discarded
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "mock-output");
                drain.setDaemon(true);
                drain.start();
                return new MockProcess(process, URI.create(matcher.group(1)));
            }
        }
        throw new IOException("the mock server process ended before it listened (exit " + exitOf(process) + ")");
    }

    private static String exitOf(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * CPU seconds the mock process used so far (user + system, from {@code /proc/<pid>/stat}), or -1
     * where that cannot be read: the bench prints it so that a reader sees what the server cost.
     */
    double cpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the command name (which may hold spaces) start after its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
