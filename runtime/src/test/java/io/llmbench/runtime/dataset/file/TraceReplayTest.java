package io.llmbench.runtime.dataset.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.DatasetLoader;
import io.llmbench.runtime.report.InputPayload;
import io.llmbench.runtime.report.InputsJsonWriter;
import io.llmbench.runtime.token.FallbackTokenizer;
import io.llmbench.runtime.token.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReplayTest extends CapturingServerTest {

    private static final Tokenizer TOKENIZER = new FallbackTokenizer();
    private static final ObjectMapper JSON = new ObjectMapper();


    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<DatasetEntry> load(Path file, String type) {
        return new DatasetLoader().load(CustomFileDatasetTest.spec(file, type, 0), TOKENIZER);
    }

    @Test
    void bailianChainsFollowParentsWithSixteenTokenBlocksAndSecondsBecomeMilliseconds() throws Exception {
        Path file = write("bailian.jsonl",
                "{\"chat_id\": 159, \"parent_chat_id\": -1, \"timestamp\": 61.114, \"input_length\": 40,"
                        + " \"output_length\": 13, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1089, 1090, 1091]}",
                "{\"chat_id\": 160, \"parent_chat_id\": 159, \"timestamp\": 62.5, \"input_length\": 48,"
                        + " \"output_length\": 8, \"type\": \"text\", \"turn\": 2, \"hash_ids\": [1089, 1090, 7]}",
                "{\"chat_id\": 300, \"parent_chat_id\": -1, \"timestamp\": 61.2, \"input_length\": 20,"
                        + " \"output_length\": 4, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [5, 6]}");

        List<DatasetEntry> entries = load(file, null);

        assertEquals(List.of(61114L, 61200L, 62500L), entries.stream().map(DatasetEntry::timestampMs).toList());
        assertEquals(List.of("bailian-159", "bailian-300", "bailian-159"),
                entries.stream().map(DatasetEntry::conversationId).toList());
        assertEquals(1, entries.get(2).turnIndex());
        assertEquals(List.of(13, 4, 8), entries.stream().map(DatasetEntry::maxTokens).toList());
        String first = entries.get(0).text();
        String followUp = entries.get(2).text();
        String blocks = TOKENIZER.decode(java.util.Arrays.copyOf(TOKENIZER.encode(first), 32));
        assertTrue(followUp.startsWith(blocks.substring(0, blocks.length() - 4)),
                "two 16-token blocks are shared:\n" + first + "\n" + followUp);
        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(file, "bailian_trace", 0), 3, dir.resolve("o"));
        assertTrue(Math.abs(TOKENIZER.count(CapturingServer.userText(bodies.get(0))) - 40) <= 2);
        // A row's hash ids already cover its history: the follow-up is sent alone, not after turn 1 and its answer.
        for (JsonNode body : bodies) {
            assertEquals(1, body.path("messages").size(), body.toString());
        }
        assertTrue(bodies.stream().anyMatch(body -> CapturingServer.userText(body).equals(followUp)),
                "the follow-up reached the server as its own prompt");
    }

    @Test
    void burstGptRowsBecomePromptsOfTheirLengthWithTimestampsAndSkipFailedRows() throws Exception {
        Path file = write("burst.csv",
                "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type",
                "5,ChatGPT,120,30,150,Conversation log",
                "7.25,GPT-4,0,0,0,Conversation log",
                "9.5,ChatGPT,60,12,72,API log");

        List<DatasetEntry> entries = load(file, null);
        assertEquals(List.of(5000L, 9500L), entries.stream().map(DatasetEntry::timestampMs).toList());

        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(file, "burst_gpt_trace", 0), 2, dir.resolve("o"));
        assertTrue(Math.abs(TOKENIZER.count(CapturingServer.userText(bodies.get(0))) - 120) <= 2);
        assertTrue(Math.abs(TOKENIZER.count(CapturingServer.userText(bodies.get(1))) - 60) <= 2);
        assertEquals(30, bodies.get(0).path("max_completion_tokens").asInt());

        Path bad = write("bad.csv", "Timestamp,Request tokens,Response tokens", "1,10,5", "2,ten,5");
        assertEquals(bad + ":3: 'Request tokens' is 'ten', not a number ≥ 0",
                assertThrows(UserInputException.class, () -> load(bad, null)).getMessage());
    }

    @Test
    void sageMakerCapturesReplayTheirMessagesToolsAndLimitWithTheRunsModelInArrivalOrder() throws Exception {
        String later = "{\"model\":\"their-deployment\",\"messages\":[{\"role\":\"user\",\"content\":\"Second\"}],"
                + "\"max_completion_tokens\":9,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                + "\"temperature\":0.9}";
        String earlier = "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":\"First\"}],\"max_tokens\":50}";
        Path file = write("capture/2026/capture.jsonl",
                capture(Base64.getEncoder().encodeToString(later.getBytes(StandardCharsets.UTF_8)), "BASE64",
                        "2026-04-29T00:03:20.500Z"),
                capture(earlier, "JSON", "2026-04-29T00:03:18Z"));

        List<DatasetEntry> entries = load(dir.resolve("capture"), null);
        assertEquals(List.of(0L, 2500L), entries.stream().map(DatasetEntry::timestampMs).toList());

        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(dir.resolve("capture"),
                "sagemaker_data_capture", 0), 2, dir.resolve("o"));
        // As AIPerf: the captured messages, tools and limit, in a body of the run's own model and settings.
        assertEquals(JSON.readTree(earlier).get("messages"), bodies.get(0).get("messages"));
        assertEquals(50, bodies.get(0).get("max_completion_tokens").asInt(), bodies.get(0).toString());
        assertEquals(CapturingServer.MODEL, bodies.get(0).get("model").asText());
        assertEquals(JSON.readTree(later).get("messages"), bodies.get(1).get("messages"));
        assertEquals(JSON.readTree(later).get("tools"), bodies.get(1).get("tools"));
        assertEquals(9, bodies.get(1).get("max_completion_tokens").asInt(), "max_completion_tokens is the limit too");
        assertEquals(CapturingServer.MODEL, bodies.get(1).get("model").asText(), "not the capture's deployment");
        assertFalse(bodies.get(1).has("temperature"), "only messages, tools and the limit are replayed");

        // Without an encoding the data is BASE64 (SageMaker's and AIPerf's default); CSV captures are refused.
        String unmarked = capture(Base64.getEncoder().encodeToString(earlier.getBytes(StandardCharsets.UTF_8)), null,
                "2026-04-29T00:03:18Z");
        assertEquals("Be brief\nFirst", load(write("unmarked.jsonl", unmarked), "sagemaker_data_capture").get(0).text());
        Path csv = write("csv.jsonl", capture(earlier, "JSON", "2026-04-29T00:03:18Z"),
                capture("1,2,3", "CSV", "2026-04-29T00:03:19Z"));
        assertEquals(csv + ":2: 'captureData.endpointInput.encoding' is 'CSV': only JSON and BASE64 captures of chat"
                + " requests can be replayed", assertThrows(UserInputException.class,
                        () -> load(csv, "sagemaker_data_capture")).getMessage());
    }

    private static String capture(String data, String encoding, String time) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("captureData", JSON.createObjectNode()
                        .set("endpointInput", encoding == null ? JSON.createObjectNode().put("data", data)
                                : JSON.createObjectNode().put("data", data).put("encoding", encoding)))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("eventMetadata",
                        JSON.createObjectNode().put("eventId", "e").put("inferenceTime", time)));
    }

    @Test
    void rawPayloadsAreSentVerbatimOnePerLineOrOneConversationPerFile() throws Exception {
        String body = "{\"model\":\"recorded-model\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":\"Hello\"}],\"temperature\":0.2,\"max_tokens\":17}";
        Path file = write("raw.jsonl", body);

        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(file, "raw_payload", 0), 1, dir.resolve("o"));
        assertEquals(JSON.readTree(body), bodies.get(0), "not one field added, changed or dropped");

        write("sessions/alpha.jsonl", body, body.replace("Hello", "Again"));
        List<DatasetEntry> entries = load(dir.resolve("sessions"), "raw_payload");
        assertEquals(List.of("alpha", "alpha"), entries.stream().map(DatasetEntry::conversationId).toList());
        assertEquals(List.of(0, 1), entries.stream().map(DatasetEntry::turnIndex).toList());
    }

    @Test
    void ourOwnInputsJsonIsReplayedVerbatim() throws Exception {
        JsonNode one = JSON.readTree("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"One\"}],"
                + "\"stream\":false}");
        JsonNode two = JSON.readTree("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Two\"}],"
                + "\"stream\":false,\"max_completion_tokens\":3}");
        Path file = dir.resolve("inputs.json");
        InputsJsonWriter.write(file, List.of(new InputPayload("s0", one), new InputPayload("s0", two)));

        List<DatasetEntry> entries = load(file, null);
        assertEquals(List.of(0, 1), entries.stream().map(DatasetEntry::turnIndex).toList());
        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(file, "inputs_json", 0), 2, dir.resolve("o"));
        assertEquals(List.of(one, two), bodies);
    }

    @Test
    void embeddingsBodiesOfAnInputsJsonAndARawPayloadFileAreReplayedToo() throws Exception {
        JsonNode embeddings = JSON.readTree("{\"model\":\"m\",\"input\":[\"first text\",\"second text\"],"
                + "\"encoding_format\":\"float\"}");
        Path inputs = dir.resolve("inputs.json");
        InputsJsonWriter.write(inputs, List.of(new InputPayload("e0", embeddings)));
        Path raw = write("raw.jsonl", embeddings.toString());

        assertEquals("first text\nsecond text", load(inputs, null).get(0).text(), "the inputs are the counted text");
        server.run(CustomFileDatasetTest.spec(inputs, "inputs_json", 0), 1, dir.resolve("o"));
        List<JsonNode> bodies = server.run(CustomFileDatasetTest.spec(raw, "raw_payload", 0), 1, dir.resolve("p"));
        assertEquals(List.of(embeddings, embeddings), bodies);

        Path empty = write("empty.jsonl", embeddings.toString(), "{}");
        assertEquals(empty + ":2: an empty object is not a request body: write one recorded request body per line",
                assertThrows(UserInputException.class, () -> load(empty, "raw_payload")).getMessage());
    }
}
