package io.llmbench.annotations;

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

    /** Every known dataset name, in documentation order. */
    public static final List<String> NAMES = List.of(
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

    /** Whether {@code name} is a known dataset name or a non-empty {@code file:} reference. */
    public static boolean isValid(String name) {
        if (name.startsWith(FILE_PREFIX)) {
            return name.length() > FILE_PREFIX.length();
        }
        return NAMES.contains(name);
    }
}
