package io.llmbench.runtime.cli;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.spec.AnnotatedBatch;
import io.llmbench.runtime.spec.BatchSpec;

/**
 * Fills a {@link BatchSpec} from the command line and {@code @Batch} for one benchmark's endpoint type, refusing
 * options that its endpoint cannot use (as AIPerf refuses rankings options for other endpoints).
 */
final class BatchSettings {

    private BatchSettings() {
    }

    /** Per attribute: the command line, then the annotation ({@code @Batch}), then the defaults. */
    static BatchSpec resolve(BatchOptions.BatchCli cli, AnnotatedBatch annotated, EndpointType type) {
        boolean rankingsEndpoint = type == EndpointType.NIM_RANKINGS || type == EndpointType.HF_TEI_RANKINGS
                || type == EndpointType.COHERE_RANKINGS;
        if (cli.anyRankings() && !rankingsEndpoint) {
            throw new UserInputException("the --rankings-* options apply to the rankings endpoint types"
                    + " (nim_rankings, hf_tei_rankings, cohere_rankings), not " + type.cliName()
                    + ": pass --endpoint-type with one of them or drop the options");
        }
        if (annotated.anyRankings() && !rankingsEndpoint) {
            throw new UserInputException("@Batch(rankings*) applies to the rankings endpoint types"
                    + " (nim_rankings, hf_tei_rankings, cohere_rankings), not " + type.cliName()
                    + ": pass --endpoint-type with one of them, or remove the rankings attributes");
        }
        String batchOption = cli.batchSize() != null ? "--" + cli.batchOption() : "@Batch(promptBatchSize)";
        int batchSize = cli.batchSize() != null ? cli.batchSize() : or(whole(annotated.promptBatchSize()), 1);
        if (batchSize > 1 && type != EndpointType.EMBEDDINGS) {
            throw new UserInputException(batchOption + " " + batchSize + " applies to --endpoint-type"
                    + " embeddings, not " + type.cliName()
                    + (rankingsEndpoint ? ": use --" + BatchOptions.PASSAGES_MEAN + " for passages per request"
                            : ": drop it or pass --endpoint-type embeddings"));
        }
        BatchSpec d = BatchSpec.defaults();
        return new BatchSpec(batchSize, cli.anyRankings() || annotated.anyRankings(),
                or(cli.passagesMean(), or(whole(annotated.rankingsPassagesMean()), d.passagesMean())),
                or(cli.passagesStddev(), or(whole(annotated.rankingsPassagesStddev()), d.passagesStddev())),
                or(cli.passageTokensMean(), or(whole(annotated.rankingsPassageTokensMean()), d.passageTokensMean())),
                or(cli.passageTokensStddev(),
                        or(whole(annotated.rankingsPassageTokensStddev()), d.passageTokensStddev())),
                or(cli.queryTokensMean(), or(whole(annotated.rankingsQueryTokensMean()), d.queryTokensMean())),
                or(cli.queryTokensStddev(), or(whole(annotated.rankingsQueryTokensStddev()), d.queryTokensStddev())));
    }

    private static Integer whole(int value) {
        return value == LlmBenchmark.UNSET ? null : value;
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
