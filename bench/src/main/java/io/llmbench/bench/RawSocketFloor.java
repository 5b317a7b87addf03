package io.llmbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TTFT error a client with no machinery at all sees: a blocking socket, one request at a time,
 * the first token's instant taken right after the read that brought it. What remains is the
 * machine's and the server's (thread wake-ups on both sides of loopback): the floor under any
 * client's TTFT error against the same mock, so that the difference to llmbench's is the client's
 * own. Each request gets a connection of its own, opened 5 ms before the send so that the mock has
 * accepted it, and closed at its first token (a paced stream would take more than a second to end).
 */
final class RawSocketFloor {

    private static final Pattern STAMP = Pattern.compile("\"arrived_ns\":(-?\\d+),\"sent_ns\":(-?\\d+)");
    /** A token event's delta; the role event's content is not the delta's first field. */
    private static final byte[] FIRST_TOKEN = "\"delta\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);

    private RawSocketFloor() {
    }

    /** TTFT errors in ms of {@code requests} streams, one at a time. */
    static double[] ttftErrorsMs(URI mock, int requests) throws IOException, InterruptedException {
        byte[] body = ("{\"model\":\"llmbench-mock\",\"messages\":[{\"role\":\"user\",\"content\":\"Say something.\"}],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + mock.getHost() + ":" + mock.getPort()
                + "\r\nContent-Type: application/json\r\nX-Llmbench-Mock-Timing: 1\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        double[] errors = new double[requests];
        byte[] buffer = new byte[1 << 20];
        for (int i = 0; i < requests; i++) {
            try (Socket socket = new Socket(mock.getHost(), mock.getPort())) {
                socket.setTcpNoDelay(true);
                Thread.sleep(5);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                long sentNs = System.nanoTime();
                out.write(request);
                out.flush();
                int length = 0;
                long firstTokenNs = -1;
                while (firstTokenNs < 0) {
                    int read = in.read(buffer, length, buffer.length - length);
                    if (read < 0) {
                        throw new IOException("the mock closed the connection before the first token");
                    }
                    long now = System.nanoTime();
                    int searchFrom = Math.max(0, length - FIRST_TOKEN.length);
                    length += read;
                    if (indexOf(buffer, searchFrom, length, FIRST_TOKEN) >= 0) {
                        firstTokenNs = now;
                    }
                }
                Matcher stamp = STAMP.matcher(new String(buffer, 0, length, StandardCharsets.US_ASCII));
                if (!stamp.find()) {
                    throw new IOException("a stream without the mock's timing event before its first token");
                }
                long serverTtftNs = Long.parseLong(stamp.group(2)) - Long.parseLong(stamp.group(1));
                errors[i] = ((firstTokenNs - sentNs) - serverTtftNs) / 1e6;
            }
        }
        return errors;
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
