package io.llmbench.runtime.dataset.file;

import io.llmbench.runtime.UserInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The formats of a {@code file:} dataset, under AIPerf's {@code --custom-dataset-type} names. Each is
 * described, with an example file, in {@code docs/input-formats.md}.
 */
public enum CustomDatasetType {
    /** JSONL, one request per line: text/texts, image/images, audio/audios, timestamp or delay, role. */
    SINGLE_TURN("single_turn"),
    /** JSONL, one conversation per line: {@code session_id} and a list of {@code turns}. */
    MULTI_TURN("multi_turn"),
    /** A JSONL file (one pool) or a directory of them (one pool each), sampled at random. */
    RANDOM_POOL("random_pool"),
    /** JSONL of Mooncake traces: input_length (+ hash_ids) or text_input, output_length, timestamp, session_id. */
    MOONCAKE_TRACE("mooncake_trace"),
    /** JSONL of Alibaba Bailian traces (chat_id, parent_chat_id, timestamp in s, lengths, hash_ids of 16 tokens). */
    BAILIAN_TRACE("bailian_trace"),
    /** BurstGPT CSV: Timestamp (s), Request tokens, Response tokens. */
    BURST_GPT_TRACE("burst_gpt_trace"),
    /** SageMaker data-capture JSONL (a file or a directory searched recursively). */
    SAGEMAKER_DATA_CAPTURE("sagemaker_data_capture"),
    /** JSONL of recorded request bodies sent verbatim (a file, or a directory of one conversation per file). */
    RAW_PAYLOAD("raw_payload"),
    /** AIPerf's {@code inputs.json} ({@code {"data": [{"session_id", "payloads": [...]}]}}), bodies sent verbatim. */
    INPUTS_JSON("inputs_json");

    private final String cliName;

    CustomDatasetType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in AIPerf. */
    public String cliName() {
        return cliName;
    }

    /** Every name, in documentation order. */
    public static List<String> cliNames() {
        return Arrays.stream(values()).map(CustomDatasetType::cliName).toList();
    }

    /**
     * The type named {@code name} (case-insensitive; {@code -} taken as {@code _}).
     *
     * @throws UserInputException for an unknown name, listing the known ones
     */
    public static CustomDatasetType fromName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (CustomDatasetType type : values()) {
            if (type.cliName.equals(wanted)) {
                return type;
            }
        }
        throw new UserInputException("--custom-dataset-type '" + name + "' is not a known format: use one of "
                + String.join(", ", cliNames()));
    }
}
