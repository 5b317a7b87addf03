package io.llmbench.runtime.dataset.trace;

import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.file.FileContext;
import io.llmbench.runtime.dataset.file.LineError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code burst_gpt_trace}: BurstGPT's CSV (columns {@code Timestamp} in seconds, {@code Request tokens},
 * {@code Response tokens}; others such as {@code Model} and {@code Log Type} are ignored). Each row is
 * one single-turn request whose prompt is synthesised with the row's length; rows with zero request
 * tokens (failed requests in the trace) are skipped, as AIPerf filters them.
 */
public final class BurstGptTraceFormat {

    private BurstGptTraceFormat() {
    }

    /** The entries of the CSV file, in file order, with timestamps in ms. */
    public static List<DatasetEntry> read(FileContext context) {
        Path file = context.path();
        List<long[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw LineError.in(file, "is empty: expected a BurstGPT CSV header");
            }
            List<String> columns = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
            int timestamp = column(file, columns, "Timestamp");
            int request = column(file, columns, "Request tokens");
            int response = column(file, columns, "Response tokens");
            String text;
            int number = 1;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length < columns.size()) {
                    throw LineError.at(file, number, "has " + cells.length + " columns, the header has "
                            + columns.size());
                }
                double seconds = number(file, number, "Timestamp", cells[timestamp]);
                long input = Math.round(number(file, number, "Request tokens", cells[request]));
                long output = Math.round(number(file, number, "Response tokens", cells[response]));
                if (input > 0) {
                    rows.add(new long[] {Math.round(seconds * 1000), input, Math.max(1, output)});
                }
            }
        } catch (IOException e) {
            throw LineError.in(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw LineError.in(file, "holds no request with Request tokens > 0");
        }
        List<String> prompts = context.prompts().prompts(rows.stream().mapToInt(row -> (int) row[1]).toArray());
        List<DatasetEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long[] row = rows.get(i);
            String prompt = prompts.get(i);
            entries.add(new DatasetEntry("burstgpt-" + i, prompt, List.of(), (int) row[2], List.of(), List.of(), null,
                    0, row[0], DatasetEntry.UNSET));
        }
        return entries;
    }

    private static int column(Path file, List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw LineError.at(file, 1, "the header lacks the column '" + name + "' (BurstGPT CSVs have Timestamp,"
                    + " Request tokens and Response tokens)");
        }
        return index;
    }

    private static double number(Path file, int line, String column, String cell) {
        try {
            double value = Double.parseDouble(cell.strip());
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw LineError.at(file, line, "'" + column + "' is '" + cell + "', not a number ≥ 0");
        }
    }
}
