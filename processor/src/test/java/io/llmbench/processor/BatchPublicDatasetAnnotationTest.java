package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.BENCH;
import static io.llmbench.processor.TestSources.IMPORTS;
import static io.llmbench.processor.TestSources.PKG;
import static io.llmbench.processor.TestSources.assertOnlyErrorOnLine;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Batch} and {@code @PublicDataset}: written attributes become setter calls, invalid values
 * and contradictions with the endpoint type or the dataset fail at the value.
 */
class BatchPublicDatasetAnnotationTest {

    private static String runner(String... lines) {
        Compilation compilation = compile(source("test.Bench", lines));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents).orElseThrow();
    }

    @Test
    void everyWrittenAttributeBecomesASetterCall() {
        assertThat(runner(PKG, IMPORTS, "@LlmBenchmark(endpointType = EndpointType.COHERE_RANKINGS, dataset = \"mmstar\")",
                "@Batch(rankingsPassagesMean = 4, rankingsPassagesStddev = 1, rankingsPassageTokensMean = 64,",
                "    rankingsPassageTokensStddev = 2, rankingsQueryTokensMean = 16, rankingsQueryTokensStddev = 3)",
                "@PublicDataset(samplingStrategy = \"shuffle\", offline = true)", BENCH))
                .contains(String.join("\n",
                        "                .rankingsPassagesMean(4)",
                        "                .rankingsPassagesStddev(1)",
                        "                .rankingsPassageTokensMean(64)",
                        "                .rankingsPassageTokensStddev(2)",
                        "                .rankingsQueryTokensMean(16)",
                        "                .rankingsQueryTokensStddev(3)",
                        "                .samplingStrategy(\"shuffle\")",
                        "                .offline(true)",
                        "                .build();"));
        assertThat(runner(PKG, IMPORTS, "@LlmBenchmark(endpointType = EndpointType.EMBEDDINGS)",
                "@Batch(promptBatchSize = 8)", BENCH)).contains(".promptBatchSize(8)");
    }

    @Test
    void invalidValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BELOW_MINIMUM, "promptBatchSize", 0, 1, "promptBatchSize"),
                PKG, IMPORTS, "@LlmBenchmark", "@Batch(", "    promptBatchSize = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "rankingsQueryTokensStddev", -1, 0,
                        "rankingsQueryTokensStddev"),
                PKG, IMPORTS, "@LlmBenchmark", "@Batch(rankingsQueryTokensStddev = -1)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SAMPLING_STRATEGY_UNKNOWN, "stratified"),
                PKG, IMPORTS, "@LlmBenchmark", "@PublicDataset(samplingStrategy = \"stratified\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.ONE_FLAG_VALUE, "offline", 2, "offline", "offline"),
                PKG, IMPORTS, "@LlmBenchmark", "@PublicDataset(offline = {true, false})", BENCH);
    }

    @Test
    void contradictionsWithTheEndpointTypeOrDatasetFailAtTheValueThatHasToGo() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BATCH_NOT_EMBEDDINGS, "CHAT"),
                PKG, IMPORTS, "@LlmBenchmark(endpointType = EndpointType.CHAT)", "@Batch(",
                "    promptBatchSize = 4)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.RANKINGS_NOT_RANKINGS, "rankingsPassagesMean",
                        "EMBEDDINGS", "rankingsPassagesMean"),
                PKG, IMPORTS, "@LlmBenchmark(endpointType = EndpointType.EMBEDDINGS)", "@Batch(",
                "    rankingsPassagesMean = 4)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.PUBLIC_DATASET_SETTING_NOT_PUBLIC, "samplingStrategy",
                        "synthetic", "samplingStrategy"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"synthetic\")", "@PublicDataset(offline = true,",
                "    samplingStrategy = \"random\")", BENCH);
    }
}
