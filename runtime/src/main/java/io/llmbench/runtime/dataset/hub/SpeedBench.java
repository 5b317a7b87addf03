package io.llmbench.runtime.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.dataset.DatasetEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEED-Bench ({@code nvidia/SPEED-Bench}) under AIPerf's names, read from a config already resolved.
 *
 * <p>The Hub publishes a placeholder in place of every prompt whose source may not be redistributed;
 * AIPerf resolves a whole config once with NVIDIA's preparation script (14 source datasets, the gated
 * {@code cais/hle} among them, several GB) and caches the resolved rows as
 * {@code .cache/aiperf/datasets/speed-bench/<config>.jsonl} under the directory it ran in, a file it
 * also accepts pre-staged. llmbench does not run that script: it reads the same resolved file, from
 * its own cache ({@code <cache>/speed-bench/<config>.jsonl}) or from AIPerf's, and holds it to
 * AIPerf's rules: every row {@code {question_id (32 characters), category, messages: [{role,
 * content}, ...]}}, no placeholder left anywhere (complete data or an error), the category selected
 * after reading the whole config, every message one turn under its own role (a leading
 * {@code system} message stays a turn of its own, as AIPerf keeps it).
 */
final class SpeedBench {

    /** llmbench's short name: the qualitative config, as {@code speed_bench_qualitative}. */
    static final String NAME = "speed_bench";

    /** What SPEED-Bench publishes on the Hub instead of a prompt it may not redistribute. */
    static final String PLACEHOLDER = "FULL BENCHMARK DATA SHOULD BE FETCHED FROM THE SOURCE USING SPECDEC_BENCH";

    private static final String PREFIX = NAME + "_";
    private static final String QUALITATIVE = "qualitative";
    private static final List<String> QUALITATIVE_CATEGORIES = Datasets.SPEED_BENCH_QUALITATIVE_CATEGORIES;
    private static final List<String> THROUGHPUT_CONFIGS = Datasets.SPEED_BENCH_THROUGHPUT_CONFIGS;
    private static final List<String> THROUGHPUT_CATEGORIES = Datasets.SPEED_BENCH_THROUGHPUT_CATEGORIES;
    private static final int QUESTION_ID_LENGTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A SPEED-Bench name resolved: the config whose file holds the rows, and the category kept.
     *
     * @param config the config ({@code qualitative}, {@code throughput_1k}, ...)
     * @param category the rows' category to keep, or {@code null} for every row of the config
     */
    record Selector(String config, String category) {
    }

    /** One row of a resolved config: its category, and one entry per message. */
    private record Row(String category, List<DatasetEntry> turns) {
    }

    private SpeedBench() {
    }

    /** Every SPEED-Bench name, AIPerf's {@code speed_bench_*} ones after llmbench's short one. */
    static List<String> names() {
        return Datasets.NAMES.stream().filter(name -> selector(name) != null).toList();
    }

    /** The config and category {@code name} means, or {@code null} when it is not a SPEED-Bench name. */
    static Selector selector(String name) {
        if (NAME.equals(name) || (PREFIX + QUALITATIVE).equals(name)) {
            return new Selector(QUALITATIVE, null);
        }
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String rest = name.substring(PREFIX.length());
        if (QUALITATIVE_CATEGORIES.contains(rest)) {
            return new Selector(QUALITATIVE, rest);
        }
        for (String config : THROUGHPUT_CONFIGS) {
            if (rest.equals(config)) {
                return new Selector(config, null);
            }
            for (String category : THROUGHPUT_CATEGORIES) {
                if (rest.equals(config + "_" + category)) {
                    return new Selector(config, category);
                }
            }
        }
        return null;
    }

    /** Where a resolved config may be, in the order looked at: llmbench's cache, then AIPerf's. */
    static List<Path> candidates(String config, Path cacheRoot, Path workingDirectory) {
        String file = config + ".jsonl";
        return List.of(cacheRoot.resolve("speed-bench").resolve(file),
                workingDirectory.resolve(".cache").resolve("aiperf").resolve("datasets").resolve("speed-bench")
                        .resolve(file));
    }

    /**
     * The rows of dataset {@code name}, one entry per message, conversations ordered and limited by
     * {@code selection}.
     *
     * @throws UserInputException when no resolved file is found, or one is not complete and valid
     */
    static List<DatasetEntry> load(String name, Selector selector, PublicDatasetSelection selection,
            Path cacheRoot, Path workingDirectory) {
        List<Path> candidates = candidates(selector.config(), cacheRoot, workingDirectory);
        Path file = candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(
                () -> new UserInputException("dataset " + name + " needs SPEED-Bench's '" + selector.config()
                        + "' config resolved, which the Hub does not publish (its placeholders are filled from 14"
                        + " source datasets, cais/hle among them, by NVIDIA's script that AIPerf runs): resolve it"
                        + " once with AIPerf (aiperf profile --public-dataset " + PREFIX + selector.config() + " ...,"
                        + " which needs HF_TOKEN with cais/hle's terms accepted) and run llmbench from the same"
                        + " directory, or copy the resolved file to " + candidates.get(0)
                        + " (see docs/public-datasets.md)"));
        List<List<DatasetEntry>> rows = read(file, name, selector);
        if (rows.isEmpty()) {
            throw new UserInputException("dataset " + name + ": no row of category '" + selector.category() + "' in "
                    + file + "; check that the file is SPEED-Bench's '" + selector.config() + "' config");
        }
        List<DatasetEntry> entries = new ArrayList<>();
        Map<String, Integer> drawn = new HashMap<>();
        for (List<DatasetEntry> row : PublicDatasetLoader.select(rows, selection)) {
            // A row drawn again (random sampling) is a session of its own, so its id must differ.
            int repeat = drawn.merge(row.get(0).conversationId(), 1, Integer::sum) - 1;
            for (DatasetEntry turn : row) {
                entries.add(repeat == 0 ? turn : withConversation(turn, turn.conversationId() + "#" + repeat));
            }
        }
        return List.copyOf(entries);
    }

    /** Every row of {@code file} of the selected category, as turns; the whole file is checked first. */
    private static List<List<DatasetEntry>> read(Path file, String name, Selector selector) {
        List<List<DatasetEntry>> rows = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = "dataset " + name + ": " + file + " line " + lineNumber + ": ";
                Row row = row(line, where);
                if (selector.category() == null || selector.category().equals(row.category())) {
                    rows.add(row.turns());
                }
            }
        } catch (IOException e) {
            throw new UserInputException("dataset " + name + ": cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }

    private static Row row(String line, String where) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException(where + "not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode id = row.path("question_id");
        if (!id.isTextual() || id.asText().length() != QUESTION_ID_LENGTH) {
            throw new UserInputException(where + "question_id must be a string of " + QUESTION_ID_LENGTH
                    + " characters, as SPEED-Bench's are");
        }
        JsonNode category = row.path("category");
        if (!category.isTextual() || category.asText().isEmpty()) {
            throw new UserInputException(where + "category must be a non-empty string");
        }
        JsonNode messages = row.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new UserInputException(where + "messages must be a non-empty array of {role, content}");
        }
        List<DatasetEntry> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            JsonNode role = message.path("role");
            JsonNode content = message.path("content");
            if (!role.isTextual() || role.asText().isBlank() || !content.isTextual() || content.asText().isBlank()) {
                throw new UserInputException(where + "message " + turns.size() + " needs a non-blank role and"
                        + " content");
            }
            if (PLACEHOLDER.equals(content.asText())) {
                throw new UserInputException(where + "message " + turns.size() + " is still SPEED-Bench's"
                        + " placeholder: the file was not resolved (AIPerf refuses it too); resolve the config"
                        + " with AIPerf and use the file it writes");
            }
            turns.add(new DatasetEntry(id.asText(), content.asText(), List.of(), DatasetEntry.UNSET, List.of(),
                    List.of(), null, turns.size(), DatasetEntry.UNSET, DatasetEntry.UNSET, role.asText(), null));
        }
        return new Row(category.asText(), turns);
    }

    private static DatasetEntry withConversation(DatasetEntry turn, String conversationId) {
        return new DatasetEntry(conversationId, turn.text(), turn.images(), turn.maxTokens(), turn.videos(),
                turn.audios(), turn.expectedAnswer(), turn.turnIndex(), turn.timestampMs(), turn.delayMs(),
                turn.role(), turn.rawBody(), turn.texts());
    }
}
