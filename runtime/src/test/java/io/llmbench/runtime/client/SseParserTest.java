package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseParserTest {

    /** What the listener saw, comparable by value. */
    record Event(String name, String data, long receivedNs) {
    }

    private static final String STREAM = ""
            + ": keep-alive comment\n"
            + "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
            + "event: message\r\n"
            + "id: 7\r\n"
            + "retry: 1000\r\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}}]}\r\n\r\n"
            + "data: first line\r"
            + "data:second line\r"
            + "data:  two leading spaces\r\r"
            + "data\n\n"
            + "unknown: field\n"
            + "data: [DONE]\n\n";

    private static final List<String> EXPECTED_DATA = List.of(
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}}]}",
            "first line\nsecond line\n two leading spaces",
            "",
            "[DONE]");

    private static List<Event> parse(List<byte[]> pieces) {
        List<Event> events = new ArrayList<>();
        SseParser parser = new SseParser((name, data, ns) ->
                events.add(new Event(name, new String(data, StandardCharsets.UTF_8), ns)));
        long ns = 0;
        for (byte[] piece : pieces) {
            parser.feed(ByteBuffer.wrap(piece), ns++);
        }
        parser.finish();
        return events;
    }

    private static List<String> data(List<Event> events) {
        return events.stream().map(Event::data).toList();
    }

    @Test
    void parsesEveryFieldKindAndLineEnding() {
        List<Event> events = parse(List.of(STREAM.getBytes(StandardCharsets.UTF_8)));

        assertEquals(EXPECTED_DATA, data(events));
        assertEquals("message", events.get(1).name(), "event: names only its own event");
        assertEquals(null, events.get(0).name());
        assertEquals(null, events.get(2).name());
    }

    @Test
    void everySplitPositionGivesIdenticalEvents() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = data(parse(List.of(bytes)));
        for (int split = 0; split <= bytes.length; split++) {
            List<String> got = data(parse(List.of(
                    Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length))));
            assertEquals(whole, got, "split at byte " + split);
        }
    }

    @Test
    void everyTwoSplitPositionsGiveIdenticalEvents() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = data(parse(List.of(bytes)));
        for (int a = 0; a <= bytes.length; a += 3) {
            for (int b = a; b <= bytes.length; b += 5) {
                List<String> got = data(parse(List.of(
                        Arrays.copyOfRange(bytes, 0, a),
                        Arrays.copyOfRange(bytes, a, b),
                        Arrays.copyOfRange(bytes, b, bytes.length))));
                assertEquals(whole, got, "splits at " + a + " and " + b);
            }
        }
    }

    /**
     * As Jetty does, every read comes in one reused buffer that is overwritten after the call: an
     * event viewed in a read must still be whole when its blank line comes in a later one.
     */
    @Test
    void viewsSurviveTheReusedReadBufferAtEverySplitPosition() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = data(parse(List.of(bytes)));
        for (int split = 0; split <= bytes.length; split++) {
            List<String> got = new ArrayList<>();
            SseParser parser = new SseParser((SseParser.ViewListener) (name, buffer, offset, length, ns) ->
                    got.add(new String(buffer, offset, length, StandardCharsets.UTF_8)));
            byte[] read = new byte[bytes.length];
            for (int[] piece : new int[][] {{0, split}, {split, bytes.length}}) {
                int length = piece[1] - piece[0];
                System.arraycopy(bytes, piece[0], read, 0, length);
                parser.feed(ByteBuffer.wrap(read, 0, length), 0);
                Arrays.fill(read, (byte) '#');
            }
            parser.finish();
            assertEquals(whole, got, "split at byte " + split);
        }
    }

    @Test
    void oneByteAtATimeGivesIdenticalEventsAndStampsTheCompletingRead() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : bytes) {
            pieces.add(new byte[] {b});
        }
        List<Event> events = parse(pieces);

        assertEquals(EXPECTED_DATA, data(events));
        // The first event completes at its blank line; piece i carries receivedNs i.
        int firstBlank = STREAM.indexOf("\n\n") + 1;
        assertEquals(firstBlank, events.get(0).receivedNs());
    }

    @Test
    void crAndLfInSeparateReadsAreOneLineEnding() {
        List<Event> events = parse(List.of(
                "data: a\r".getBytes(StandardCharsets.UTF_8),
                "\n".getBytes(StandardCharsets.UTF_8),
                "\r".getBytes(StandardCharsets.UTF_8),
                "\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("a", "b"), data(events));
    }

    @Test
    void multiByteCharacterSplitAcrossReadsIsIntact() {
        byte[] bytes = "data: \ud83d\ude00\u00e9\n\n".getBytes(StandardCharsets.UTF_8);
        // Split inside the 4-byte emoji and inside the 2-byte é.
        List<Event> events = parse(List.of(
                Arrays.copyOfRange(bytes, 0, 8),
                Arrays.copyOfRange(bytes, 8, 11),
                Arrays.copyOfRange(bytes, 11, bytes.length)));

        assertEquals(List.of("\ud83d\ude00\u00e9"), data(events));
    }

    @Test
    void severalEventsInOneReadShareItsInstant() {
        List<Event> events = new ArrayList<>();
        SseParser parser = new SseParser((name, data, ns) ->
                events.add(new Event(name, new String(data, StandardCharsets.UTF_8), ns)));
        parser.feed("data: 1\n\ndata: 2\n\ndata: 3".getBytes(StandardCharsets.UTF_8), 42);
        parser.feed("\n\n".getBytes(StandardCharsets.UTF_8), 43);

        assertEquals(List.of(new Event(null, "1", 42), new Event(null, "2", 42), new Event(null, "3", 43)), events);
    }

    @Test
    void streamEndingWithoutBlankLineStillDispatchesItsLastEvent() {
        assertEquals(List.of("x", "[DONE]"), data(parse(List.of(
                "data: x\n\ndata: [DONE]".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(List.of("[DONE]"), data(parse(List.of(
                "data: [DONE]\n".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void leadingByteOrderMarkIsIgnored() {
        byte[] body = "data: x\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertEquals(List.of("x"), data(parse(List.of(Arrays.copyOfRange(withBom, 0, 2),
                Arrays.copyOfRange(withBom, 2, withBom.length)))));
    }

    @Test
    void commentsAndEventsWithoutDataDispatchNothing() {
        assertEquals(List.of(), parse(List.of(
                ": ping\n\nevent: lonely\n\nid: 3\n\n\n\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(1234);
        for (int round = 0; round < 2_000; round++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (round % 2 == 0) {
                // Bias toward structure: many colons, CRs, LFs and field names.
                for (int i = 0; i < garbage.length; i += 7) {
                    garbage[i] = (byte) ":\r\nd".charAt(random.nextInt(4));
                }
            }
            List<byte[]> pieces = new ArrayList<>();
            int at = 0;
            while (at < garbage.length) {
                int next = Math.min(garbage.length, at + 1 + random.nextInt(40));
                pieces.add(Arrays.copyOfRange(garbage, at, next));
                at = next;
            }
            List<Event> events = parse(pieces);
            assertTrue(events.size() <= garbage.length, "cannot make more events than bytes");
        }
    }

    @Test
    void readsFromTheBufferPositionAndConsumesItAll() {
        List<Event> events = new ArrayList<>();
        SseParser parser = new SseParser((name, data, ns) ->
                events.add(new Event(name, new String(data, StandardCharsets.UTF_8), ns)));
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        buffer.put("xxxxdata: direct\n\nyyyy".getBytes(StandardCharsets.UTF_8)).flip();
        buffer.position(4).limit(buffer.limit() - 4);

        parser.feed(buffer, 5);

        assertEquals(List.of(new Event(null, "direct", 5)), events);
        assertEquals(buffer.limit(), buffer.position());
    }

    /** The eight-bytes-at-a-time line-end search finds exactly what a byte-by-byte loop finds. */
    @Test
    void findsTheFirstLineEndLikeAByteByByteSearch() {
        java.util.Random random = new java.util.Random(11);
        // Bytes near LF and CR (borrows in the word trick), high bytes, and the two line ends.
        byte[] alphabet = {'\n', '\r', 0x0B, 0x0C, 0x09, 0x0E, 0x00, 0x01, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 'a', '{'};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + i % 26);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int limit = from + random.nextInt(bytes.length - from + 1);
            int expected = limit;
            for (int i = from; i < limit; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, SseParser.indexOfLineEnd(bytes, from, limit), java.util.Arrays.toString(bytes));
        }
    }
}
