package io.llmbench.runtime.cli;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.BatchSpec;

/**
 * Fills a {@link BatchSpec} from the command line for one benchmark's endpoint type, refusing
 * options that its endpoint cannot use (as AIPerf refuses rankings options for other endpoints).
 */
final class BatchSettings {

    private BatchSettings() {
    }

    static BatchSpec resolve(BatchOptions.BatchCli cli, EndpointType type) {
        boolean rankingsEndpoint = type == EndpointType.NIM_RANKINGS || type == EndpointType.HF_TEI_RANKINGS
                || type == EndpointType.COHERE_RANKINGS;
        if (cli.anyRankings() && !rankingsEndpoint) {
            throw new UserInputException("the --rankings-* options apply to the rankings endpoint types"
                    + " (nim_rankings, hf_tei_rankings, cohere_rankings), not " + type.cliName()
                    + ": pass --endpoint-type with one of them or drop the options");
        }
        int batchSize = cli.batchSize() == null ? 1 : cli.batchSize();
        if (batchSize > 1 && type != EndpointType.EMBEDDINGS) {
            throw new UserInputException("--" + cli.batchOption() + " " + batchSize + " applies to --endpoint-type"
                    + " embeddings, not " + type.cliName()
                    + (rankingsEndpoint ? ": use --" + BatchOptions.PASSAGES_MEAN + " for passages per request"
                            : ": drop it or pass --endpoint-type embeddings"));
        }
        BatchSpec d = BatchSpec.defaults();
        return new BatchSpec(batchSize, cli.anyRankings(),
                or(cli.passagesMean(), d.passagesMean()),
                or(cli.passagesStddev(), d.passagesStddev()),
                or(cli.passageTokensMean(), d.passageTokensMean()),
                or(cli.passageTokensStddev(), d.passageTokensStddev()),
                or(cli.queryTokensMean(), d.queryTokensMean()),
                or(cli.queryTokensStddev(), d.queryTokensStddev()));
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
