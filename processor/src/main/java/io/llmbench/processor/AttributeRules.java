package io.llmbench.processor;

import io.llmbench.annotations.Datasets;
import io.llmbench.annotations.EndpointType;
import io.llmbench.annotations.LlmBenchmark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules each written {@code @LlmBenchmark} attribute value must follow. Works on plain values
 * so that the rules stay apart from {@code javax.lang.model}; {@link BenchmarkValidator} maps each
 * problem back to the annotation value in the source.
 */
final class AttributeRules {

    private AttributeRules() {
    }

    /** Every problem with one written attribute; empty when its value is valid. */
    static List<AttributeProblem> check(WrittenAttribute written) {
        Attribute attribute = written.attribute();
        switch (attribute) {
            case DATASET:
                return checkDataset((String) written.value());
            case CONCURRENCY:
            case OUTPUT_TOKENS:
            case INPUT_TOKENS_MEAN:
            case SYNTHETIC_TOKENS_MEAN:
                return checkList(attribute, written.ints(), 1);
            case REQUEST_COUNT:
            case DATASET_ENTRIES:
            case IMAGE_WIDTH_MEAN:
            case IMAGE_HEIGHT_MEAN:
                return checkMinimum(attribute, (Integer) written.value(), 1);
            case WARMUP_REQUEST_COUNT:
            case WARMUP_COUNT:
            case INPUT_TOKENS_STDDEV:
            case SYNTHETIC_TOKENS_STDDEV:
                return checkMinimum(attribute, (Integer) written.value(), 0);
            case IMAGE_FORMAT:
                return List.of("png", "jpeg").contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.IMAGE_FORMAT_UNKNOWN, written.value()));
            case STREAMING:
                return checkList(attribute, written.booleans(), null);
            case ENDPOINT_TYPE:
                return EndpointType.UNSET.name().equals(written.value())
                        ? List.of(AttributeProblem.whole(ErrorMessages.ENDPOINT_TYPE_UNSET))
                        : List.of();
            case MODEL:
                return ((String) written.value()).isBlank()
                        ? List.of(AttributeProblem.whole(ErrorMessages.MODEL_BLANK))
                        : List.of();
            case RANDOM_SEED:
            case SYNTHETIC_SEED:
                return (Long) written.value() == LlmBenchmark.UNSET_LONG
                        ? List.of(AttributeProblem.whole(ErrorMessages.RANDOM_SEED_UNSET))
                        : List.of();
            case GOODPUT:
                return GoodputRules.check((String) written.value());
            case PROMPTS: {
                List<AttributeProblem> problems = new ArrayList<>();
                List<String> prompts = written.strings();
                for (int i = 0; i < prompts.size(); i++) {
                    if (prompts.get(i).isBlank()) {
                        problems.add(AttributeProblem.atElement(i, ErrorMessages.PROMPT_BLANK, i));
                    }
                }
                return problems;
            }
            case EXTRA_INPUTS:
                return checkPairs(written.strings(), ErrorMessages.EXTRA_INPUT_NOT_A_PAIR, "extra input");
            case HEADERS:
                return checkPairs(written.strings(), ErrorMessages.HEADER_NOT_A_PAIR, "header");
            case TIMEOUT_SECONDS: {
                double seconds = (Double) written.value();
                return seconds > 0 && Double.isFinite(seconds) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.TIMEOUT_NOT_POSITIVE, String.valueOf(seconds)));
            }
            case REQUEST_RATE:
            case ARRIVAL_PATTERN:
            case ARRIVAL_SMOOTHNESS:
            case BENCHMARK_DURATION:
            case BENCHMARK_GRACE_PERIOD:
            case REQUEST_CANCELLATION_RATE:
            case REQUEST_CANCELLATION_DELAY:
            case CONCURRENCY_RAMP_DURATION:
            case REQUEST_RATE_RAMP_DURATION:
            case PREFILL_CONCURRENCY:
            case NUM_PROFILE_RUNS:
            case FIXED_SCHEDULE:
            case WARMUP_DURATION:
            case WARMUP_CONCURRENCY:
            case WARMUP_REQUEST_RATE:
            case WARMUP_ARRIVAL_PATTERN:
            case WARMUP_GRACE_PERIOD:
            case FIXED_SCHEDULE_AUTO_OFFSET:
            case FIXED_SCHEDULE_START_OFFSET:
            case FIXED_SCHEDULE_END_OFFSET:
                return LoadRules.check(written);
            case CONVERSATION_NUM:
            case USER_CENTRIC_RATE:
            case NUM_USERS:
            case PREFILL_CONCURRENCY_RAMP_DURATION:
            case WARMUP_NUM_SESSIONS:
            case WARMUP_PREFILL_CONCURRENCY:
            case WARMUP_CONCURRENCY_RAMP_DURATION:
            case WARMUP_REQUEST_RATE_RAMP_DURATION:
            case WARMUP_PREFILL_CONCURRENCY_RAMP_DURATION:
                return SessionLoadRules.check(written);
            case PROFILE_RUN_COOLDOWN_SECONDS:
            case CONFIDENCE_LEVEL:
            case PROFILE_RUN_DISABLE_WARMUP_AFTER_FIRST:
            case SET_CONSISTENT_SEED:
                return ProfileRunRules.check(written);
            case URLS:
            case MODELS:
            case MODEL_SELECTION_STRATEGY:
            case CUSTOM_ENDPOINT:
            case TEMPLATE_BODY:
            case RESPONSE_FIELD:
            case HTTP2:
            case INSECURE:
            case USE_SERVER_TOKEN_COUNT:
            case CONNECTION_REUSE_STRATEGY:
                return EndpointRules.check(written);
            case EXPORT_LEVEL:
            case SLICE_DURATION:
            case PLOTS:
            case ARTIFACT_DIR:
                return OutputRules.check(written);
            case OUTPUT_TOKENS_STDDEV:
            case SEQUENCE_DISTRIBUTION:
            case NUM_PREFIX_PROMPTS:
            case PREFIX_PROMPT_LENGTH:
            case SHARED_SYSTEM_PROMPT_LENGTH:
            case USER_CONTEXT_PROMPT_LENGTH:
            case IMAGE_WIDTH_STDDEV:
            case IMAGE_HEIGHT_STDDEV:
            case IMAGE_BATCH_SIZE:
            case AUDIO_LENGTH_MEAN:
            case AUDIO_LENGTH_STDDEV:
            case AUDIO_FORMAT:
            case AUDIO_SAMPLE_RATES:
            case AUDIO_DEPTHS:
            case AUDIO_NUM_CHANNELS:
            case AUDIO_BATCH_SIZE:
            case CONVERSATION_TURN_MEAN:
            case CONVERSATION_TURN_STDDEV:
            case CONVERSATION_TURN_DELAY_MEAN:
            case CONVERSATION_TURN_DELAY_STDDEV:
            case CONVERSATION_TURN_DELAY_RATIO:
                return SynthesisRules.check(written);
            case PROMPT_BATCH_SIZE:
            case RANKINGS_PASSAGES_MEAN:
            case RANKINGS_PASSAGE_TOKENS_MEAN:
            case RANKINGS_QUERY_TOKENS_MEAN:
                return checkMinimum(attribute, (Integer) written.value(), 1);
            case RANKINGS_PASSAGES_STDDEV:
            case RANKINGS_PASSAGE_TOKENS_STDDEV:
            case RANKINGS_QUERY_TOKENS_STDDEV:
                return checkMinimum(attribute, (Integer) written.value(), 0);
            case SAMPLING_STRATEGY:
                return List.of("sequential", "random", "shuffle").contains(written.value()) ? List.of()
                        : List.of(AttributeProblem.whole(ErrorMessages.SAMPLING_STRATEGY_UNKNOWN, written.value()));
            case OFFLINE:
                return EndpointRules.oneFlag(written);
            case CUSTOM_DATASET_TYPE:
            case ISL_BLOCK_SIZE:
                return InputFileRules.check(written);
            case TOKENIZER:
                return ((String) written.value()).isBlank()
                        ? List.of(AttributeProblem.whole(ErrorMessages.TOKENIZER_BLANK)) : List.of();
            default:
                throw new AssertionError("no rule for " + attribute);
        }
    }

    /** {@code name:value} entries with a non-blank name, each name once (case-insensitively for headers). */
    private static List<AttributeProblem> checkPairs(List<String> entries, String notAPair, String what) {
        List<AttributeProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            if (colon <= 0 || entry.substring(0, colon).isBlank()) {
                problems.add(AttributeProblem.atElement(i, notAPair, entry));
            } else if (!names.add(entry.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(AttributeProblem.atElement(i, ErrorMessages.PAIR_NAME_TWICE, what,
                        entry.substring(0, colon).strip()));
            }
        }
        return problems;
    }

    private static List<AttributeProblem> checkDataset(String dataset) {
        return Datasets.isValid(dataset)
                ? List.of()
                : List.of(AttributeProblem.whole(ErrorMessages.DATASET_UNKNOWN, dataset, Datasets.NAMES));
    }

    static List<AttributeProblem> checkMinimum(Attribute attribute, int value, int minimum) {
        return value >= minimum
                ? List.of()
                : List.of(AttributeProblem.whole(
                        ErrorMessages.BELOW_MINIMUM, attribute.memberName(), value, minimum, attribute.memberName()));
    }

    /**
     * A sweep list: not empty, no value twice, and (for numbers, when {@code minimum} is given)
     * every value at least {@code minimum}. Element problems point at the element itself.
     */
    static <T> List<AttributeProblem> checkList(Attribute attribute, List<T> values, Integer minimum) {
        String name = attribute.memberName();
        if (values.isEmpty()) {
            return List.of(AttributeProblem.whole(ErrorMessages.EMPTY_LIST, name, name));
        }
        List<AttributeProblem> problems = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (minimum != null && value instanceof Integer number && number < minimum) {
                problems.add(AttributeProblem.atElement(i, ErrorMessages.BELOW_MINIMUM, name, value, minimum, name));
            } else if (!seen.add(value)) {
                problems.add(AttributeProblem.atElement(i, ErrorMessages.DUPLICATE_VALUE, name, value));
            }
        }
        return problems;
    }
}
