package io.llmbench.runtime.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.dataset.DatasetEntry;
import io.llmbench.runtime.dataset.trace.BailianTraceFormat;
import io.llmbench.runtime.dataset.trace.BurstGptTraceFormat;
import io.llmbench.runtime.dataset.trace.InputsJsonFormat;
import io.llmbench.runtime.dataset.trace.MooncakeTraceFormat;
import io.llmbench.runtime.dataset.trace.RawPayloadFormat;
import io.llmbench.runtime.dataset.trace.SageMakerCaptureFormat;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.token.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads a {@code file:} dataset in one of the {@link CustomDatasetType} formats. The whole file is
 * read and checked before anything is sent: the first bad line stops the run with the file, the line
 * number and what is wrong. Without {@code --custom-dataset-type} the format is detected from the
 * path (a directory, a {@code .csv}, a {@code .json}) or from the first line's fields.
 */
public final class FileDatasetLoader {

    /** Creates a loader. */
    public FileDatasetLoader() {
    }

    /**
     * The entries of the dataset at {@code path}.
     *
     * @param type the format, or {@code null} to detect it
     * @throws io.llmbench.runtime.UserInputException when the path is missing or any line is malformed
     */
    public List<DatasetEntry> load(Path path, CustomDatasetType type, InputSpec input, Tokenizer tokenizer) {
        if (!Files.exists(path)) {
            throw LineError.in(path, "does not exist: give an existing file with --input-file (or dataset = \"file:"
                    + "<path>\")");
        }
        CustomDatasetType format = type != null ? type : detect(path);
        FileContext context = new FileContext(path, input, tokenizer);
        if (Files.isDirectory(path) && format != CustomDatasetType.RANDOM_POOL
                && format != CustomDatasetType.RAW_PAYLOAD && format != CustomDatasetType.SAGEMAKER_DATA_CAPTURE) {
            throw LineError.in(path, "is a directory; " + format.cliName() + " reads one file (directories are"
                    + " random_pool, raw_payload or sagemaker_data_capture)");
        }
        List<DatasetEntry> entries = switch (format) {
            case SINGLE_TURN -> SingleTurnFormat.read(context);
            case MULTI_TURN -> MultiTurnFormat.read(context);
            case RANDOM_POOL -> RandomPoolFormat.read(context);
            case MOONCAKE_TRACE -> MooncakeTraceFormat.read(context);
            case BAILIAN_TRACE -> BailianTraceFormat.read(context);
            case BURST_GPT_TRACE -> BurstGptTraceFormat.read(context);
            case SAGEMAKER_DATA_CAPTURE -> SageMakerCaptureFormat.read(context);
            case RAW_PAYLOAD -> RawPayloadFormat.read(context);
            case INPUTS_JSON -> InputsJsonFormat.read(context);
        };
        return List.copyOf(entries);
    }

    /** The format of {@code path} guessed from its kind, its name and its first line's fields. */
    public static CustomDatasetType detect(Path path) {
        if (Files.isDirectory(path)) {
            Path first = firstJsonl(path);
            JsonNode line = first == null ? null : firstLine(first);
            if (line != null && line.has("captureData")) {
                return CustomDatasetType.SAGEMAKER_DATA_CAPTURE;
            }
            if (line != null && line.path("messages").isArray()) {
                return CustomDatasetType.RAW_PAYLOAD;
            }
            return CustomDatasetType.RANDOM_POOL;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CustomDatasetType.BURST_GPT_TRACE;
        }
        if (name.endsWith(".json")) {
            return CustomDatasetType.INPUTS_JSON;
        }
        JsonNode line = firstLine(path);
        if (line == null) {
            return CustomDatasetType.SINGLE_TURN;
        }
        if (line.has("turns")) {
            return CustomDatasetType.MULTI_TURN;
        }
        if (line.has("chat_id")) {
            return CustomDatasetType.BAILIAN_TRACE;
        }
        if (line.has("captureData")) {
            return CustomDatasetType.SAGEMAKER_DATA_CAPTURE;
        }
        if (line.has("input_length") || line.has("text_input") || line.has("hash_ids") || line.has("payload")) {
            return CustomDatasetType.MOONCAKE_TRACE;
        }
        if (line.path("messages").isArray()) {
            return CustomDatasetType.RAW_PAYLOAD;
        }
        return CustomDatasetType.SINGLE_TURN;
    }

    private static Path firstJsonl(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    // Detection only: a line that does not parse is reported by the format's reader, with its number.
    private static JsonNode firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (!text.isBlank()) {
                    return JsonLines.JSON.readTree(text);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
