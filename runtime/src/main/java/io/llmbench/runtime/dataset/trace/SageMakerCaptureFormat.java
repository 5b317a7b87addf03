package io.llmbench.runtime.dataset.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.JsonLines;
import io.llmbench.runtime.dataset.file.LineError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code sagemaker_data_capture}: SageMaker Data Capture records (a JSONL file, or a directory searched
 * recursively for {@code .jsonl} files): {@code captureData.endpointInput.data} holds the request body
 * (encoding {@code JSON} or {@code BASE64}, the default when none is given), {@code eventMetadata.inferenceTime} when it arrived.
 * As AIPerf does, a capture's {@code messages} (required) and {@code tools} are replayed with its
 * {@code max_tokens} (or {@code max_completion_tokens}), in a body the run builds with its own model,
 * streaming setting and extra inputs: a capture of another deployment's model name replays against
 * this one. Requests are ordered by arrival and timestamped in ms from the earliest.
 */
public final class SageMakerCaptureFormat {

    private SageMakerCaptureFormat() {
    }

    private record Capture(long epochMs, int order, String chat, String text, int maxTokens) {
    }

    /** The entries of the capture file(s). */
    public static List<DatasetEntry> read(FileContext context) {
        List<Capture> captures = new ArrayList<>();
        for (Path file : files(context.path())) {
            for (JsonLines.Line line : JsonLines.read(file)) {
                captures.add(parse(line, captures.size()));
            }
        }
        captures.sort(Comparator.comparingLong(Capture::epochMs).thenComparingInt(Capture::order));
        long start = captures.get(0).epochMs;
        List<DatasetEntry> entries = new ArrayList<>(captures.size());
        for (int i = 0; i < captures.size(); i++) {
            Capture capture = captures.get(i);
            entries.add(new DatasetEntry("sagemaker-" + i, capture.text, List.of(), capture.maxTokens, List.of(),
                    List.of(), null, 0, capture.epochMs - start, DatasetEntry.UNSET, null, null)
                    .withRecordedChat(capture.chat));
        }
        return entries;
    }

    private static Capture parse(JsonLines.Line line, int order) {
        JsonNode input = line.json().path("captureData").path("endpointInput");
        if (!input.path("data").isTextual()) {
            throw line.error("'captureData.endpointInput.data' is missing: not a SageMaker data-capture record");
        }
        String data = input.get("data").asText();
        // SageMaker writes BASE64 unless the capture is configured for JSON; AIPerf reads a missing one so too.
        String encoding = input.path("encoding").asText("BASE64");
        if (!"BASE64".equalsIgnoreCase(encoding) && !"JSON".equalsIgnoreCase(encoding)) {
            throw line.error("'captureData.endpointInput.encoding' is '" + encoding + "': only JSON and BASE64"
                    + " captures of chat requests can be replayed");
        }
        if ("BASE64".equalsIgnoreCase(encoding)) {
            try {
                data = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw line.error("'captureData.endpointInput.data' is marked BASE64 but is not base64");
            }
        }
        JsonNode body;
        try {
            body = JsonLines.JSON.readTree(data);
        } catch (IOException e) {
            throw line.error("the captured request body is not JSON");
        }
        if (!(body instanceof ObjectNode) || !body.path("messages").isArray() || body.get("messages").isEmpty()) {
            throw line.error("the captured request has no 'messages': only OpenAI-compatible chat captures can be"
                    + " replayed");
        }
        String time = line.json().path("eventMetadata").path("inferenceTime").asText(null);
        if (time == null) {
            throw line.error("'eventMetadata.inferenceTime' is missing");
        }
        long epochMs;
        try {
            epochMs = Instant.parse(time).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw line.error("'eventMetadata.inferenceTime' is '" + time + "', not an ISO-8601 instant");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.get("messages")) {
            if (message.path("content").isTextual()) {
                text.append(text.length() == 0 ? "" : "\n").append(message.get("content").asText());
            }
        }
        ObjectNode chat = JsonLines.JSON.createObjectNode().set("messages", body.get("messages"));
        if (body.hasNonNull("tools")) {
            chat.set("tools", body.get("tools"));
        }
        JsonNode maxTokens = body.hasNonNull("max_tokens") ? body.get("max_tokens") : body.path("max_completion_tokens");
        int limit = maxTokens.canConvertToInt() && maxTokens.isIntegralNumber() && maxTokens.asInt() >= 0
                ? maxTokens.asInt() : DatasetEntry.UNSET;
        return new Capture(epochMs, order, chat.toString(), text.toString(), limit);
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            if (files.isEmpty()) {
                throw LineError.in(path, "holds no .jsonl capture files");
            }
            return files;
        } catch (IOException e) {
            throw LineError.in(path, "cannot be searched (" + e.getMessage() + ")");
        }
    }
}
