package io.llmbench.runtime.dataset.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.JsonLines;
import io.llmbench.runtime.dataset.file.LineError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inputs_json}: AIPerf's {@code inputs.json} (and llmbench's own, which has the same shape):
 * {@code {"data": [{"session_id": ..., "payloads": [body, ...]}, ...]}}. Every body is sent verbatim;
 * a session's payloads are its turns in order. The file is one JSON document, so errors name the
 * session and payload index rather than a line.
 */
public final class InputsJsonFormat {

    private InputsJsonFormat() {
    }

    /** The entries of the file. */
    public static List<DatasetEntry> read(FileContext context) {
        Path file = context.path();
        JsonNode root;
        try {
            root = JsonLines.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw LineError.in(file, "is not a JSON document (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw LineError.in(file, "expected {\"data\": [{\"session_id\": ..., \"payloads\": [...]}, ...]}");
        }
        List<DatasetEntry> entries = new ArrayList<>();
        for (int s = 0; s < data.size(); s++) {
            JsonNode session = data.get(s);
            String id = session.path("session_id").asText("");
            JsonNode payloads = session.path("payloads");
            if (id.isEmpty() || !payloads.isArray() || payloads.isEmpty()) {
                throw LineError.in(file, "data[" + s + "] needs a 'session_id' and a non-empty 'payloads' list");
            }
            for (int p = 0; p < payloads.size(); p++) {
                JsonNode body = payloads.get(p);
                // Any request body is replayed, as AIPerf does: chat, completions, embeddings, rankings...
                if (!body.isObject() || body.isEmpty()) {
                    throw LineError.in(file, "data[" + s + "].payloads[" + p + "] is not a request body (a non-empty"
                            + " JSON object)");
                }
                entries.add(new DatasetEntry(id, PromptText.of(body), List.of(), DatasetEntry.UNSET, List.of(),
                        List.of(), null, p, DatasetEntry.UNSET, DatasetEntry.UNSET, null, body.toString()));
            }
        }
        return entries;
    }
}
