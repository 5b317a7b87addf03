package io.llmbench.runtime.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files the run tests write and read: a multi-turn dataset in, a run folder's records out. */
final class RunArtifacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunArtifacts() {
    }

    /** A multi_turn file {@code dir/chats.jsonl} of conversations c0, c1, ... of {@code turns} turns each. */
    static Path multiTurnFile(Path dir, int conversations, int turns) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int c = 0; c < conversations; c++) {
            lines.append("{\"session_id\": \"c").append(c).append("\", \"turns\": [");
            for (int t = 0; t < turns; t++) {
                lines.append(t == 0 ? "" : ", ").append("{\"text\": \"question ").append(t).append("\"}");
            }
            lines.append("]}\n");
        }
        Path file = dir.resolve("chats.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    /** The one run folder below {@code artifacts} (the first, with repeated runs; not their aggregate's). */
    static Path runDirectory(Path artifacts) throws IOException {
        try (Stream<Path> dirs = Files.list(artifacts)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("profile_export_llmbench.json"))).sorted()
                    .findFirst().orElseThrow();
        }
    }

    /** The records of {@code profile_export.jsonl} in the run folder, in the file's order. */
    static List<JsonNode> records(Path runDir) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("profile_export.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    /** The same records in the order they were sent. */
    static List<JsonNode> recordsInSendOrder(Path runDir) throws IOException {
        List<JsonNode> records = records(runDir);
        records.sort(Comparator.comparingLong(r -> r.get("metadata").get("request_start_ns").asLong()));
        return records;
    }
}
