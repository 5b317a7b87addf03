package io.llmbench.runtime.dataset.trace;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.JsonLines;
import io.llmbench.runtime.dataset.file.LineError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code raw_payload}: recorded request bodies sent verbatim (no model, stream or extra input is
 * changed). A JSONL file holds one body per line, each a conversation of its own; a directory holds
 * one conversation per {@code .jsonl} file (named by the file), its lines the turns in order. An
 * optional top-level {@code timestamp} (ms) of a body is not part of the API, so AIPerf has none:
 * these entries carry no timestamps.
 */
public final class RawPayloadFormat {

    private RawPayloadFormat() {
    }

    /** The entries of the file or directory. */
    public static List<DatasetEntry> read(FileContext context) {
        Path path = context.path();
        List<DatasetEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            for (JsonLines.Line line : JsonLines.read(path)) {
                entries.add(entry(line, "payload-" + line.number(), 0));
            }
            return entries;
        }
        List<Path> files;
        try (Stream<Path> children = Files.list(path)) {
            files = children.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw LineError.in(path, "cannot be listed (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw LineError.in(path, "holds no .jsonl files of recorded payloads");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String session = name.substring(0, name.length() - ".jsonl".length());
            int turn = 0;
            for (JsonLines.Line line : JsonLines.read(file)) {
                entries.add(entry(line, session, turn++));
            }
        }
        return entries;
    }

    static DatasetEntry entry(JsonLines.Line line, String conversation, int turn) {
        // Any request body is replayed, as AIPerf does; only an empty one cannot be a request.
        if (line.json().isEmpty()) {
            throw line.error("an empty object is not a request body: write one recorded request body per line");
        }
        return new DatasetEntry(conversation, PromptText.of(line.json()), List.of(), DatasetEntry.UNSET, List.of(),
                List.of(), null, turn, DatasetEntry.UNSET, DatasetEntry.UNSET, null, line.json().toString());
    }
}
