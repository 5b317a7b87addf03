package io.llmbench.runtime.mock;

import java.nio.charset.StandardCharsets;

/** The bytes of injected faults: broken events, error events, a huge content delta, a proxy's HTML page. */
final class FaultShapes {

    /** What a proxy in front of a dead upstream might answer with, status 200 and all. */
    static final byte[] HTML_PAGE = ("<!DOCTYPE html>\n<html><head><title>Upstream error</title></head>\n"
            + "<body><h1>Something went wrong</h1><p>mock server injected fault: not_sse</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private FaultShapes() {
    }

    /**
     * A stream event whose JSON is cut off mid-object. Its id is a constant, so that the clients'
     * error messages (which quote the event) group into one row.
     */
    static byte[] malformedEvent() {
        return ("data: {\"id\":\"chatcmpl-mock-malformed\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\" the\"\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A non-streaming body cut off halfway, so that it is not valid JSON. */
    static byte[] truncated(byte[] body) {
        byte[] half = new byte[Math.max(1, body.length / 2)];
        System.arraycopy(body, 0, half, 0, half.length);
        return half;
    }

    /** An error event inside a stream, as vLLM sends one when generation fails, then {@code [DONE]}. */
    static byte[] errorEventAndDone() {
        byte[] error = ResponseShapes.error("mock server injected fault: error_event", "server_error", 500);
        byte[] head = "data: ".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + error.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(error, 0, all, head.length, error.length);
        System.arraycopy(tail, 0, all, head.length + error.length, tail.length);
        return all;
    }

    /** At least {@code bytes} bytes of vocabulary words (which need no JSON escaping). */
    static String hugeText(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 16);
        for (int i = 0; text.length() < bytes; i++) {
            text.append(MockVocabulary.token(i));
        }
        return text.toString();
    }
}
