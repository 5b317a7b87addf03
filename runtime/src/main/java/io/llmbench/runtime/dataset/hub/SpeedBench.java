package io.llmbench.runtime.dataset.hub;

/**
 * {@code speed_bench} ({@code nvidia/SPEED-Bench}) is not loaded: the Hub publishes a placeholder in
 * place of every prompt whose source may not be redistributed, and AIPerf rebuilds those prompts with
 * a vendored preparation script that downloads them from 14 source datasets ({@code cais/hle}
 * among them, gated, in every config). No prepared split is published anywhere llmbench could read.
 * The refusal says what AIPerf needs and how to benchmark SPEED-Bench anyway (see
 * {@code docs/public-datasets.md}).
 */
final class SpeedBench {

    /** llmbench's name for it (AIPerf registers one name per config and category, {@code speed_bench_*}). */
    static final String NAME = "speed_bench";

    /** The one line a user gets. */
    static final String REFUSAL = "dataset speed_bench cannot be loaded by llmbench: nvidia/SPEED-Bench on the Hub"
            + " holds placeholders for the prompts whose sources may not be redistributed, which AIPerf rebuilds"
            + " with NVIDIA's preparation script from 14 source datasets (cais/hle among them: gated, needs HF_TOKEN"
            + " and its terms accepted); prepare a config with AIPerf (aiperf profile --public-dataset"
            + " speed_bench_qualitative, or another speed_bench_* name, writes"
            + " .cache/aiperf/datasets/speed-bench/<config>.jsonl), turn each row into a multi_turn line"
            + " ({\"session_id\": question_id, \"turns\": [{\"text\": content, \"role\": role} per message]}) and pass that file"
            + " with --input-file and --custom-dataset-type multi_turn (see docs/public-datasets.md)";

    private SpeedBench() {
    }
}
