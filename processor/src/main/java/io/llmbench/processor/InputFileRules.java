package io.llmbench.processor;

import io.llmbench.annotations.Datasets;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code @InputFile}: the formats {@code --custom-dataset-type} accepts, a block size of
 * at least 1, and both only for a {@code file:} dataset.
 */
final class InputFileRules {

    /** The runtime's {@code CustomDatasetType} names; a test keeps the two lists equal. */
    static final List<String> FORMATS = List.of("single_turn", "multi_turn", "random_pool", "mooncake_trace",
            "bailian_trace", "burst_gpt_trace", "sagemaker_data_capture", "raw_payload", "inputs_json");

    private InputFileRules() {
    }

    /** Every problem with one written {@code @InputFile} attribute. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        switch (written.attribute()) {
            case CUSTOM_DATASET_TYPE:
                return FORMATS.contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.CUSTOM_DATASET_TYPE_UNKNOWN, written.value(),
                                FORMATS));
            case ISL_BLOCK_SIZE:
                return AttributeRules.checkMinimum(written.attribute(), (Integer) written.value(), 1);
            default:
                throw new AssertionError("not an @InputFile attribute: " + written.attribute());
        }
    }

    /** File settings on a benchmark whose written dataset is not a file. */
    static void checkCombinations(Map<String, Located> merged, List<CompileError> errors) {
        Located dataset = merged.get(Attribute.DATASET.methodName());
        if (dataset == null || ((String) dataset.written().value()).startsWith(Datasets.FILE_PREFIX)) {
            return;
        }
        for (Attribute setting : List.of(Attribute.CUSTOM_DATASET_TYPE, Attribute.ISL_BLOCK_SIZE)) {
            Located located = merged.get(setting.methodName());
            if (located != null) {
                errors.add(located.error(String.format(ErrorMessages.FILE_SETTING_NOT_A_FILE, setting.memberName(),
                        dataset.written().value(), setting.memberName())));
            }
        }
    }
}
