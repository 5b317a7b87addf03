package io.llmbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TTFT error clients with no machinery at all see: blocking sockets, each on a thread of its
 * own sending one request after another on its connection (as a pooled client reuses them), the
 * first token's instant taken right after the read that brought it. What remains is the machine's
 * and the mock's (thread wake-ups on both sides of loopback, the mock's turn-around on a reused
 * connection): the floor under any client's TTFT error against the same mock at the same
 * concurrency, so that the difference to llmbench's is the client's own.
 */
final class RawSocketFloor {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)");
    /** A token event's delta; the role event's content is not the delta's first field. */
    private static final byte[] FIRST_TOKEN = "\"delta\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_END = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private RawSocketFloor() {
    }

    /** TTFT errors in ms of the streams {@code connections} blocking clients complete in {@code duration}. */
    static double[] ttftErrorsMs(URI mock, int connections, Duration duration) throws InterruptedException {
        byte[] request = request(mock);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Double> errors = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        IOException[] failure = new IOException[1];
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try {
                    run(mock, request, deadline, errors);
                } catch (IOException e) {
                    synchronized (errors) {
                        failure[0] = e;
                    }
                }
            }, "raw-socket-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        synchronized (errors) {
            if (failure[0] != null) {
                throw new IllegalStateException("the raw-socket client failed: " + failure[0].getMessage(), failure[0]);
            }
            return errors.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** The harness client's request, headers included, as raw HTTP/1.1 bytes. */
    private static byte[] request(URI mock) {
        byte[] body = LoadRun.body(LoadRun.target(mock, true, true));
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + mock.getHost() + ":" + mock.getPort()
                + "\r\nContent-Type: application/json\r\n" + MockStamp.HEADER + ": 1\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** One client: streams on one connection until {@code deadline}, their errors added to {@code errors}. */
    private static void run(URI mock, byte[] request, long deadline, List<Double> errors) throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (Socket socket = new Socket(mock.getHost(), mock.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                long sentNs = System.nanoTime();
                out.write(request);
                out.flush();
                int length = 0;
                long firstTokenNs = -1;
                while (firstTokenNs < 0 || !complete(buffer, length)) {
                    int read = in.read(buffer, length, buffer.length - length);
                    if (read < 0) {
                        throw new IOException("the mock closed the connection");
                    }
                    long now = System.nanoTime();
                    int searchFrom = Math.max(0, length - FIRST_TOKEN.length);
                    length += read;
                    if (firstTokenNs < 0 && indexOf(buffer, searchFrom, length, FIRST_TOKEN) >= 0) {
                        firstTokenNs = now;
                    }
                }
                MockStamp stamp = MockStamp.find(new String(buffer, 0, length, StandardCharsets.US_ASCII));
                if (stamp == null) {
                    throw new IOException("a stream without the mock's timing event");
                }
                synchronized (errors) {
                    errors.add(stamp.ttftErrorMs(firstTokenNs - sentNs));
                }
            }
        }
    }

    /** The response is whole: its chunked body ended, or its Content-Length arrived. */
    private static boolean complete(byte[] buffer, int length) {
        if (length >= CHUNKED_END.length
                && Arrays.equals(buffer, length - CHUNKED_END.length, length, CHUNKED_END, 0, CHUNKED_END.length)) {
            return true;
        }
        String head = new String(buffer, 0, Math.min(length, 1024), StandardCharsets.US_ASCII);
        int headEnd = head.indexOf("\r\n\r\n");
        Matcher contentLength = CONTENT_LENGTH.matcher(head);
        return headEnd >= 0 && contentLength.find() && contentLength.start() < headEnd
                && length >= headEnd + 4 + Integer.parseInt(contentLength.group(1));
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        for (int i = from; i + pattern.length <= to; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
