package io.llmbench.annotations;

import java.util.ArrayList;
import java.util.List;

/**
 * The dataset names a benchmark may use, shared by the annotation processor (which rejects any
 * other name at compile time) and the runtime (which loads them). Names are AIPerf's.
 */
public final class Datasets {

    /** Synthetic text prompts sampled from a bundled public-domain corpus. */
    public static final String SYNTHETIC = "synthetic";
    /** Synthetic text prompts plus generated images. */
    public static final String SYNTHETIC_VISION = "synthetic-vision";
    /** Synthetic multi-turn coding-agent sessions whose context grows turn by turn. */
    public static final String AGENTIC_CODE = "agentic-code";
    /** Lin-Chen/MMStar from the Hugging Face Hub. */
    public static final String MMSTAR = "mmstar";

    /** Prefix of a dataset read from a file: {@code file:<path>}. */
    public static final String FILE_PREFIX = "file:";

    /** SPEED-Bench's qualitative config's categories ({@code speed_bench_<category>}, AIPerf's names). */
    public static final List<String> SPEED_BENCH_QUALITATIVE_CATEGORIES = List.of("coding", "humanities", "math",
            "multilingual", "qa", "rag", "reasoning", "roleplay", "stem", "summarization", "writing");
    /** SPEED-Bench's throughput configs ({@code speed_bench_<config>}). */
    public static final List<String> SPEED_BENCH_THROUGHPUT_CONFIGS = List.of("throughput_1k", "throughput_2k",
            "throughput_8k", "throughput_16k", "throughput_32k");
    /** The categories of each throughput config ({@code speed_bench_<config>_<category>}). */
    public static final List<String> SPEED_BENCH_THROUGHPUT_CATEGORIES = List.of("low_entropy", "mixed",
            "high_entropy");

    /** Every known dataset name, in documentation order. */
    public static final List<String> NAMES = names(
            SYNTHETIC,
            SYNTHETIC_VISION,
            AGENTIC_CODE,
            MMSTAR,
            "sharegpt",
            "instruct_coder",
            "aimo",
            "aimo_aime",
            "aimo_numina_cot",
            "aimo_numina_1_5",
            "mmvu",
            "llava_onevision",
            "vision_arena",
            "blazedit_5k",
            "blazedit_10k",
            "spec_bench",
            "speed_bench");

    private Datasets() {
    }

    /** {@code named}, then SPEED-Bench's names as AIPerf has them (a config, or one category of one). */
    private static List<String> names(String... named) {
        List<String> names = new ArrayList<>(List.of(named));
        names.add("speed_bench_qualitative");
        SPEED_BENCH_QUALITATIVE_CATEGORIES.forEach(category -> names.add("speed_bench_" + category));
        SPEED_BENCH_THROUGHPUT_CONFIGS.forEach(config -> names.add("speed_bench_" + config));
        SPEED_BENCH_THROUGHPUT_CONFIGS.forEach(config -> SPEED_BENCH_THROUGHPUT_CATEGORIES.forEach(
                category -> names.add("speed_bench_" + config + "_" + category)));
        return List.copyOf(names);
    }

    /** Whether {@code name} is a known dataset name or a non-empty {@code file:} reference. */
    public static boolean isValid(String name) {
        if (name.startsWith(FILE_PREFIX)) {
            return name.length() > FILE_PREFIX.length();
        }
        return NAMES.contains(name);
    }
}
