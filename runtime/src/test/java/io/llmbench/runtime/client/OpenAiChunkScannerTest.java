package io.llmbench.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.record.ResponseChunk;
import io.llmbench.runtime.record.Usage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenAiChunkScannerTest {

    /** Events the scanner must read itself (not give up on), each exactly as Jackson reads it. */
    private static final List<String> READ_BY_THE_SCANNER = List.of(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null,"
                    + "\"finish_reason\":null}]}",
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"content\":null}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"\",\"reasoning\":\"r\"}}]}",
            "{\"choices\":[{\"delta\":null,\"message\":{\"content\":\"m\"}}]}",
            "{\"choices\":[{\"text\":\"completion\",\"extra\":{\"a\":[1,2.5e-3,true,false,null,\"s\"]}}]}",
            "{\"choices\":[{\"text\":{\"not\":\"text\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}",
            "{\"choices\":[5,{\"delta\":{\"content\":\"b\"}}]}",
            "{\"choices\":[]}",
            "{\"choices\":\"none\"}",
            "{\"object\":\"chunk\"}",
            "{}",
            " \t\r\n{ \"choices\" : [ { \"delta\" : { \"content\" : \"spaced\" } } ] } \n",
            "{\"choices\":[{\"delta\":{\"content\":\"line\\nbreak \\\"quoted\\\" \\\\ \\/ \\t\\b\\f\\r\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"\\u00e9t\\u00E9 \\ud83d\\ude00 \\ud800 lone\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"été — 日本語 😀\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"mixed é\\n日\"}}]}",
            "{\"названиe\":\"skipped\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"first\"}}],\"choices\":[{\"delta\":{\"content\":\"last\"}}]}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":128,"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":3}}}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":\"2\"}}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":-0,\"completion_tokens\":1e2}}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":4294967297,\"completion_tokens\":-7}}",
            "{\"usage\":null,\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
            "{\"usage\":[1],\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
            "{\"usage\":{\"completion_tokens_details\":null,\"prompt_tokens\":4}}",
            "{\"usage\":{\"completion_tokens_details\":{\"reasoning_tokens\":2},"
                    + "\"completion_tokens_details\":{\"other\":1}}}",
            "{\"choices\":[{\"delta\":{\"content\":\"x\",\"tool_calls\":[{\"id\":\"t\",\"function\":"
                    + "{\"arguments\":\"{\\\"a\\\":1}\"}}]}}]}");

    /** Events the scanner leaves to Jackson: errors, escaped names, numbers it would round, bad JSON. */
    private static final List<String> LEFT_TO_JACKSON = List.of(
            "{\"error\":{\"message\":\"boom\"}}",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]",
            "[1,2]",
            "{\"choices\":[]} trailing",
            "",
            "{\"choi\\u0063es\":[{\"delta\":{\"content\":\"escaped name\"}}]}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12345678901234567890}}",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"n\":01}",
            "{\"choices\":[{\"delta\":{\"content\":\"bad \\q escape\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"raw\ttab\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"flag\":tru}",
            "{\"a\":1,}",
            "{\"a\" 1}");

    private static DecodedEvent scan(byte[] json) {
        return new OpenAiChunkScanner().scan(json, 7);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryCommonAndOddEventExactlyAsJacksonReadsIt() {
        for (String json : READ_BY_THE_SCANNER) {
            DecodedEvent scanned = scan(utf8(json));
            assertNotNull(scanned, json);
            assertEquals(StreamEventDecoder.parse(utf8(json), 7), scanned, json);
        }
    }

    @Test
    void takesTheFirstChoicesContentReasoningAndUsage() {
        assertEquals(new ResponseChunk(7, "Hi", "", false), scan(utf8(READ_BY_THE_SCANNER.get(0))).chunk());
        assertEquals(new ResponseChunk(7, "line\nbreak \"quoted\" \\ / \t\b\f\r", "", false),
                scan(utf8(READ_BY_THE_SCANNER.get(14))).chunk());
        assertEquals("été \uD83D\uDE00 \uD800 lone", scan(utf8(READ_BY_THE_SCANNER.get(15))).chunk().content());
        assertEquals("last", scan(utf8(READ_BY_THE_SCANNER.get(19))).chunk().content());
        DecodedEvent usage = scan(utf8(READ_BY_THE_SCANNER.get(20)));
        assertEquals(new Usage(12, 128, 3), usage.usage());
        assertEquals(new ResponseChunk(7, "", "", true), usage.chunk());
        // Out of int range keeps the low bits, as Jackson's paths do; fractions and strings are not counts.
        assertEquals(new Usage(1, -7, -1), scan(utf8(READ_BY_THE_SCANNER.get(23))).usage());
        assertEquals(new Usage(-1, -1, -1), scan(utf8(READ_BY_THE_SCANNER.get(21))).usage());
    }

    @Test
    void givesUpOnWhatItLeavesToJackson() {
        for (String json : LEFT_TO_JACKSON) {
            assertNull(scan(utf8(json)), json);
        }
        // Invalid UTF-8: a lone continuation byte, an overlong slash, a truncated sequence.
        byte[] prefix = utf8("{\"choices\":[{\"delta\":{\"content\":\"");
        for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE6, (byte) 0x97})) {
            byte[] event = Arrays.copyOf(prefix, prefix.length + bad.length + 6);
            System.arraycopy(bad, 0, event, prefix.length, bad.length);
            System.arraycopy(utf8("\"}}]}"), 0, event, prefix.length + bad.length, 5);
            assertNull(scan(Arrays.copyOf(event, prefix.length + bad.length + 5)));
        }
        StringBuilder deep = new StringBuilder("{\"x\":");
        deep.append("[".repeat(100)).append("]".repeat(100)).append('}');
        assertNull(scan(utf8(deep.toString())));
    }

    /**
     * Random damage (bytes replaced, inserted, deleted, the end cut) to every corpus event: whatever
     * the scanner accepts must be exactly what Jackson makes of the same bytes.
     */
    @Test
    void neverDisagreesWithJacksonOnRandomlyDamagedEvents() {
        Random random = new Random(20261129);
        byte[] alphabet = utf8("{}[]:,\"\\ 0123456789.-+eEtrufalsn\t\nxé\u00ff");
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 40_000; round++) {
            byte[] event = utf8(READ_BY_THE_SCANNER.get(random.nextInt(READ_BY_THE_SCANNER.size())));
            int damages = 1 + random.nextInt(3);
            for (int d = 0; d < damages && event.length > 0; d++) {
                int at = random.nextInt(event.length);
                byte[] damaged;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        damaged = event.clone();
                        damaged[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)]
                                : (byte) random.nextInt(256);
                    }
                    case 1 -> {
                        damaged = new byte[event.length + 1];
                        System.arraycopy(event, 0, damaged, 0, at);
                        damaged[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(event, at, damaged, at + 1, event.length - at);
                    }
                    case 2 -> {
                        damaged = new byte[event.length - 1];
                        System.arraycopy(event, 0, damaged, 0, at);
                        System.arraycopy(event, at + 1, damaged, at, event.length - at - 1);
                    }
                    default -> damaged = Arrays.copyOf(event, at);
                }
                event = damaged;
            }
            byte[] tried = event;
            DecodedEvent scanned = scan(tried);
            if (scanned == null) {
                rejected++;
                continue;
            }
            accepted++;
            assertEquals(StreamEventDecoder.parse(tried, 7), scanned,
                    () -> "scanner and Jackson disagree on: " + new String(tried, StandardCharsets.UTF_8));
        }
        // Both outcomes must have happened many times, or the comparison proved little.
        assertTrue(accepted > 2_000, "accepted " + accepted);
        assertTrue(rejected > 2_000, "rejected " + rejected);
    }

    private static String tokenEvent(String content, String finishReason) {
        return "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"logprobs\":null,"
                + "\"finish_reason\":" + finishReason + "}]}";
    }

    @Test
    void eventsThatDifferOnlyInTheirContentAreReadFromTheTemplateOfThePreviousOne() {
        OpenAiChunkScanner scanner = new OpenAiChunkScanner();
        List<String> stream = List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                tokenEvent(" Hello", "null"), tokenEvent(",", "null"), tokenEvent(" wörld \\\"x\\\"", "null"),
                tokenEvent("", "null"), tokenEvent(" end", "\"stop\""),
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":4}}");
        for (String json : stream) {
            assertEquals(StreamEventDecoder.parse(utf8(json), 7), scanner.scan(utf8(json), 7), json);
        }
        assertEquals(3, scanner.templateHits());
        // A quote inside the content changes the structure: never taken from the template.
        String split = tokenEvent(" a\",\"content\":\"b", "null");
        assertEquals(StreamEventDecoder.parse(utf8(split), 7), scanner.scan(utf8(split), 7));
        assertEquals("b", scanner.scan(utf8(split), 7).chunk().content());
    }

    /**
     * The template must never decide an event differently from Jackson: each damaged event is read
     * right after the intact one it was damaged from, so it is tried against that one's template.
     */
    @Test
    void theTemplateNeverDisagreesWithJacksonOnDamagedFollowers() {
        Random random = new Random(29);
        byte[] alphabet = utf8("\"\\{}[],: abcé\u00ff\t\n0-");
        int fromTemplate = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] intact = utf8(tokenEvent(" w" + random.nextInt(100), random.nextBoolean() ? "null" : "\"stop\""));
            OpenAiChunkScanner scanner = new OpenAiChunkScanner();
            scanner.scan(intact, 7);
            byte[] damaged = intact.clone();
            // Damage near the content string most of the time: that is where the template is used.
            int content = new String(intact, StandardCharsets.UTF_8).indexOf("content") + 10;
            int at = random.nextInt(4) > 0 ? Math.min(damaged.length - 1, content + random.nextInt(6)) : random.nextInt(damaged.length);
            if (random.nextBoolean()) {
                damaged[at] = alphabet[random.nextInt(alphabet.length)];
            } else {
                byte[] longer = new byte[damaged.length + 1];
                System.arraycopy(damaged, 0, longer, 0, at);
                longer[at] = alphabet[random.nextInt(alphabet.length)];
                System.arraycopy(damaged, at, longer, at + 1, damaged.length - at);
                damaged = longer;
            }
            int hits = scanner.templateHits();
            DecodedEvent scanned = scanner.scan(damaged, 7);
            fromTemplate += scanner.templateHits() - hits;
            if (scanned != null) {
                byte[] tried = damaged;
                assertEquals(StreamEventDecoder.parse(tried, 7), scanned,
                        () -> "template and Jackson disagree on: " + new String(tried, StandardCharsets.UTF_8));
            }
        }
        assertTrue(fromTemplate > 2_000, "read from the template " + fromTemplate);
    }
}
