package io.llmbench.runtime.client;

import java.nio.charset.StandardCharsets;

/**
 * Tells on the network thread, without parsing JSON, whether a stream event carries output: a
 * {@code "content"}, {@code "reasoning_content"}, {@code "reasoning"} or {@code "text"} field whose
 * string value is not empty. Used only to end a request's prefill for {@code --prefill-concurrency}
 * as soon as its first token arrives (the metrics decode events properly, off the network threads).
 * A role-only event ({@code "content":""}) is not output.
 */
final class FirstTokenProbe {

    private static final byte[][] FIELDS = {
        bytes("\"content\""), bytes("\"reasoning_content\""), bytes("\"reasoning\""), bytes("\"text\"")};

    private FirstTokenProbe() {
    }

    static boolean carriesOutput(byte[] data) {
        for (byte[] field : FIELDS) {
            int from = 0;
            int at;
            while ((at = indexOf(data, field, from)) >= 0) {
                int i = skipSpaces(data, at + field.length);
                if (i < data.length && data[i] == ':') {
                    i = skipSpaces(data, i + 1);
                    if (i + 1 < data.length && data[i] == '"' && data[i + 1] != '"') {
                        return true;
                    }
                }
                from = at + 1;
            }
        }
        return false;
    }

    private static int skipSpaces(byte[] data, int i) {
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
