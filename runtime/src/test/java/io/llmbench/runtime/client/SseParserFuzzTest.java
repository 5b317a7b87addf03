package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the SSE parser and the decoding behind it: a valid stream split at random places parses
 * exactly as when fed whole, and random bytes never throw out of the parser, the decoder or the
 * exchange, nor hang them. Seeds are fixed, so a failure reproduces; the seed is in the message.
 */
class SseParserFuzzTest {

    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    /** A valid stream exercising every rule: line endings, BOM, comments, names, ids, multi-line data, UTF-8. */
    private static byte[] validStream(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append('\uFEFF');
        }
        int events = 1 + random.nextInt(30);
        for (int i = 0; i < events; i++) {
            String end = LINE_ENDS[random.nextInt(LINE_ENDS.length)];
            if (random.nextInt(4) == 0) {
                text.append(": keep-alive comment").append(end);
            }
            if (random.nextInt(3) == 0) {
                text.append("event: ").append(random.nextBoolean() ? "message" : "error").append(end);
            }
            if (random.nextInt(5) == 0) {
                text.append("id: ").append(i).append(end).append("retry: 1000").append(end);
            }
            int lines = 1 + random.nextInt(3);
            for (int line = 0; line < lines; line++) {
                text.append(random.nextBoolean() ? "data: " : "data:")
                        .append("{\"choices\":[{\"delta\":{\"content\":\" tok").append(i).append(" é漢🙂\"}}]}")
                        .append(end);
            }
            text.append(end);
        }
        text.append("data: [DONE]").append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]).append("\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> parse(byte[] stream, int[] cuts) {
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser((name, data, receivedNs) ->
                events.add(name + "|" + new String(data, StandardCharsets.UTF_8)));
        int from = 0;
        for (int cut : cuts) {
            feedReused(parser, stream, from, cut);
            from = cut;
        }
        feedReused(parser, stream, from, stream.length);
        parser.finish();
        return events;
    }

    /**
     * Feeds {@code stream[from, to)} from a buffer that is scribbled over as soon as the parser
     * returns, as Jetty reuses its read buffers: an event kept as a view of an earlier read would
     * come out damaged.
     */
    private static void feedReused(SseParser parser, byte[] stream, int from, int to) {
        ByteBuffer read = (from & 1) == 0 ? ByteBuffer.allocate(to - from) : ByteBuffer.allocateDirect(to - from);
        read.put(stream, from, to - from).flip();
        parser.feed(read, 0);
        read.clear();
        while (read.hasRemaining()) {
            read.put((byte) 'Z');
        }
    }

    private static int[] randomCuts(Random random, int length) {
        int count = random.nextInt(Math.min(length, 64) + 1);
        int[] cuts = new int[count];
        for (int i = 0; i < count; i++) {
            cuts[i] = random.nextInt(length + 1);
        }
        Arrays.sort(cuts);
        return cuts;
    }

    @Test
    @Timeout(30)
    void randomSplitsOfValidStreamsParseExactlyAsTheWholeStream() {
        for (long seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            byte[] stream = validStream(random);
            List<String> whole = parse(stream, new int[0]);
            assertFalse(whole.isEmpty());
            assertEquals("null|[DONE]", whole.get(whole.size() - 1), "seed " + seed);
            for (int trial = 0; trial < 10; trial++) {
                int[] cuts = randomCuts(random, stream.length);
                long s = seed;
                assertEquals(whole, parse(stream, cuts), () -> "seed " + s + ", cuts " + Arrays.toString(cuts));
            }
            int[] everyByte = new int[stream.length];
            for (int i = 0; i < everyByte.length; i++) {
                everyByte[i] = i;
            }
            assertEquals(whole, parse(stream, everyByte), "seed " + seed + " fed byte by byte");
        }
    }

    @Test
    @Timeout(30)
    void randomBytesNeverThrowOrHangInTheParserDecoderOrExchange() {
        byte[] alphabet = "data: event:{}[]\",:\r\n\n\n DONE error choices delta content usage \\u00"
                .getBytes(StandardCharsets.UTF_8);
        for (long seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(4096)];
            if (random.nextBoolean()) {
                random.nextBytes(bytes);
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = alphabet[random.nextInt(alphabet.length)];
                }
            }
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser((name, data, receivedNs) -> events.add(new SseEvent(name, data, 1)));
            int[] cuts = randomCuts(random, bytes.length);
            int from = 0;
            for (int cut : cuts) {
                parser.feed(ByteBuffer.wrap(bytes, from, cut - from), 1);
                from = cut;
            }
            parser.feed(ByteBuffer.wrap(bytes, from, bytes.length - from), 1);
            parser.finish();
            ResponseDecoder.decodeEvents(events);
            ResponseDecoder.decodeBody(bytes, 1);
            ResponseDecoder.errorMessage(bytes);
        }
    }

    @Test
    @Timeout(30)
    void randomJsonShapesInEventsNeverThrowOutOfTheDecoder() {
        String[] values = {"null", "1", "-1", "1e400", "\"x\"", "true", "[]", "{}", "[null]", "[{}]",
            "{\"content\":null}", "{\"content\":5}", "{\"reasoning_content\":[]}", "[{\"delta\":7}]",
            "[{\"message\":\"m\"}]", "[{\"text\":{}}]", "{\"prompt_tokens\":\"a\"}", "{\"completion_tokens_details\":1}"};
        String[] keys = {"choices", "usage", "error", "delta", "message", "text", "code", "detail", "object"};
        for (long seed = 0; seed < 1_500; seed++) {
            Random random = new Random(seed);
            List<SseEvent> events = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int e = 0; e < 1 + random.nextInt(4); e++) {
                StringBuilder json = new StringBuilder("{");
                for (int k = 0; k < random.nextInt(4); k++) {
                    json.append(k == 0 ? "" : ",").append('"').append(keys[random.nextInt(keys.length)])
                            .append("\":").append(values[random.nextInt(values.length)]);
                }
                json.append('}');
                byte[] data = json.toString().getBytes(StandardCharsets.UTF_8);
                events.add(new SseEvent(random.nextInt(5) == 0 ? "error" : null, data, e));
                body.writeBytes(data);
            }
            ResponseDecoder.decodeEvents(events);
            ResponseDecoder.decodeBody(events.get(0).data(), 1);
            ResponseDecoder.errorMessage(body.toByteArray());
        }
    }
}
