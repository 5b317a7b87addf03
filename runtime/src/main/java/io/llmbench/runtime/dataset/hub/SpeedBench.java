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
 * NVIDIA's {@code prepare_data.py} resolves a whole config once (14 source datasets, the gated
 * {@code cais/hle} among them, several GB) into {@code data/speed/<config>/test.parquet}; AIPerf runs
 * the same code and caches the resolved rows as {@code .cache/aiperf/datasets/speed-bench/<config>.jsonl}
 * under the directory it ran in. llmbench does not resolve: it reads either file, from its own cache
 * ({@code <cache>/speed-bench/<config>.jsonl} or {@code .parquet}) or where those tools wrote it,
 * and holds it to AIPerf's rules: every row {@code {question_id (32 characters), category, messages: [{role,
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

    /**
     * Where a resolved config may be, in the order looked at: llmbench's cache (AIPerf's JSON Lines
     * or NVIDIA's Parquet, copied there), then AIPerf's cache and the default output of NVIDIA's own
     * {@code prepare_data.py} (Model-Optimizer's {@code examples/specdec_bench}), both under the
     * working directory.
     */
    static List<Path> candidates(String config, Path cacheRoot, Path workingDirectory) {
        Path llmbench = cacheRoot.resolve("speed-bench");
        return List.of(llmbench.resolve(config + ".jsonl"), llmbench.resolve(config + ".parquet"),
                workingDirectory.resolve(".cache").resolve("aiperf").resolve("datasets").resolve("speed-bench")
                        .resolve(config + ".jsonl"),
                workingDirectory.resolve("data").resolve("speed").resolve(config).resolve("test.parquet"));
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
                        + " source datasets, cais/hle among them, by NVIDIA's script): resolve it once, with"
                        + " NVIDIA's own (python prepare_data.py --config " + selector.config() + " in Model-Optimizer's"
                        + " examples/specdec_bench) or with AIPerf (aiperf profile --public-dataset " + PREFIX
                        + selector.config() + " ...), either needing HF_TOKEN with cais/hle's terms accepted, and run"
                        + " llmbench from the same directory, or copy the resolved file to " + candidates.get(0)
                        + " or " + candidates.get(1) + " (see docs/public-datasets.md)"));
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
        List<Row> all = file.getFileName().toString().endsWith(".parquet")
                ? preparedRows(file, name) : resolvedRows(file, name);
        List<List<DatasetEntry>> rows = new ArrayList<>();
        for (Row row : all) {
            if (selector.category() == null || selector.category().equals(row.category())) {
                rows.add(row.turns());
            }
        }
        return rows;
    }

    /** AIPerf's JSON Lines: {@code {question_id, category, messages: [{role, content}, ...]}} a line. */
    private static List<Row> resolvedRows(Path file, String name) {
        List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(resolvedRow(line, "dataset " + name + ": " + file + " line " + lineNumber + ": "));
            }
        } catch (IOException e) {
            throw new UserInputException("dataset " + name + ": cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }

    private static Row resolvedRow(String line, String where) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException(where + "not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode id = row.path("question_id");
        JsonNode category = row.path("category");
        JsonNode messages = row.path("messages");
        List<String[]> turns = new ArrayList<>();
        if (messages.isArray()) {
            for (JsonNode message : messages) {
                JsonNode role = message.path("role");
                JsonNode content = message.path("content");
                turns.add(new String[] {role.isTextual() ? role.asText() : null,
                        content.isTextual() ? content.asText() : null});
            }
        }
        return row(id.isTextual() ? id.asText() : null, category.isTextual() ? category.asText() : null, turns,
                where, "messages must be a non-empty array of {role, content}");
    }

    /**
     * NVIDIA's {@code prepare_data.py} output: a Parquet file of SPEED-Bench's own columns with the
     * placeholders resolved; {@code turns} is the list of user turns (no system prompt, as NVIDIA's
     * runner sends them).
     */
    private static List<Row> preparedRows(Path file, String name) {
        List<Row> rows = new ArrayList<>();
        try {
            new ParquetReader().read(file, table -> {
                String where = "dataset " + name + ": " + file + " row " + rows.size() + ": ";
                List<String[]> turns = new ArrayList<>();
                if (table.get("turns") instanceof List<?> list) {
                    for (Object turn : list) {
                        turns.add(new String[] {"user", turn instanceof String text ? text : null});
                    }
                }
                rows.add(row(table.text("question_id"), table.text("category"), turns, where,
                        "turns must be a non-empty list of texts"));
                return true;
            });
        } catch (IOException e) {
            throw new UserInputException("dataset " + name + ": cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }

    /**
     * One row checked as AIPerf and NVIDIA check it, in this order: its id, its category, then its
     * turns ({role, content} pairs; {@code noTurns} is the line when there are none).
     */
    private static Row row(String id, String category, List<String[]> turns, String where, String noTurns) {
        if (id == null || id.length() != QUESTION_ID_LENGTH) {
            throw new UserInputException(where + "question_id must be a string of " + QUESTION_ID_LENGTH
                    + " characters, as SPEED-Bench's are");
        }
        if (category == null || category.isEmpty()) {
            throw new UserInputException(where + "category must be a non-empty string");
        }
        if (turns.isEmpty()) {
            throw new UserInputException(where + noTurns);
        }
        List<DatasetEntry> entries = new ArrayList<>();
        for (String[] turn : turns) {
            String role = turn[0];
            String content = turn[1];
            if (role == null || role.isBlank() || content == null || content.isBlank()) {
                throw new UserInputException(where + "message " + entries.size() + " needs a non-blank role and"
                        + " content");
            }
            // NVIDIA's template keeps the placeholder in front of the unresolved prompt's template.
            if (content.startsWith(PLACEHOLDER)) {
                throw new UserInputException(where + "message " + entries.size() + " is still SPEED-Bench's"
                        + " placeholder: the file was not resolved (AIPerf and NVIDIA's runner refuse it too);"
                        + " resolve the config with NVIDIA's prepare_data.py or AIPerf and use the file it writes");
            }
            entries.add(new DatasetEntry(id, content, List.of(), DatasetEntry.UNSET, List.of(), List.of(), null,
                    entries.size(), DatasetEntry.UNSET, DatasetEntry.UNSET, role, null));
        }
        return new Row(category, entries);
    }

    private static DatasetEntry withConversation(DatasetEntry turn, String conversationId) {
        return new DatasetEntry(conversationId, turn.text(), turn.images(), turn.maxTokens(), turn.videos(),
                turn.audios(), turn.expectedAnswer(), turn.turnIndex(), turn.timestampMs(), turn.delayMs(),
                turn.role(), turn.rawBody(), turn.texts());
    }
}
