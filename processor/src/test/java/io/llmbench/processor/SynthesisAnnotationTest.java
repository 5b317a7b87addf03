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
 * {@code @SyntheticInput}'s shaping attributes: written ones become setter calls, invalid values are
 * rejected at the value, settings that need another at the value that has to go.
 */
class SynthesisAnnotationTest {

    @Test
    void everyWrittenShapeAttributeBecomesASetterCall() {
        Compilation compilation = compile(source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark(dataset = \"synthetic-vision\")",
                "@SyntheticInput(outputTokensStddev = 3, sequenceDistribution = \"128|4,64:60;1024,256:40\",",
                "    numPrefixPrompts = 2, prefixPromptLength = 16, sharedSystemPromptLength = 20,",
                "    userContextPromptLength = 8, imageWidthStddev = 5, imageHeightStddev = 6, imageBatchSize = 2,",
                "    audioLengthMean = 1.5, audioLengthStddev = 0.5, audioFormat = \"wav\",",
                "    audioSampleRates = {16, 44.1}, audioDepths = {16, 24}, audioNumChannels = 2, audioBatchSize = 3)",
                BENCH));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains(String.join("\n",
                "                .outputTokensStddev(3)",
                "                .sequenceDistribution(\"128|4,64:60;1024,256:40\")",
                "                .numPrefixPrompts(2)",
                "                .prefixPromptLength(16)",
                "                .sharedSystemPromptLength(20)",
                "                .userContextPromptLength(8)",
                "                .imageWidthStddev(5)",
                "                .imageHeightStddev(6)",
                "                .imageBatchSize(2)",
                "                .audioLengthMean(1.5)",
                "                .audioLengthStddev(0.5)",
                "                .audioFormat(\"wav\")",
                "                .audioSampleRates(16.0, 44.1)",
                "                .audioDepths(16, 24)",
                "                .audioNumChannels(2)",
                "                .audioBatchSize(3)",
                "                .build();"));
    }

    @Test
    void invalidShapeValuesAreRejectedAtTheValue() {
        for (String bad : new String[] {"128,64:60;1024,256:30", "128:100", "0,64:100", "128,64:0", ""}) {
            assertOnlyErrorOnLine(5, String.format(ErrorMessages.SEQUENCE_DISTRIBUTION_INVALID, bad),
                    PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(",
                    "    sequenceDistribution = \"" + bad + "\")", BENCH);
        }
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "outputTokensStddev", -2, 0,
                        "outputTokensStddev"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(outputTokensStddev = -2)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "imageBatchSize", 0, 1, "imageBatchSize"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"synthetic-vision\")",
                "@SyntheticInput(imageBatchSize = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SYNTHESIS_NOT_NON_NEGATIVE, "audioLengthMean", -1.0,
                        "audioLengthMean", "0"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(audioLengthMean = -1)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.AUDIO_FORMAT_UNKNOWN, "mp3"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(audioLengthMean = 1, audioFormat = \"mp3\")", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.AUDIO_SAMPLE_RATE_NOT_POSITIVE, 0.0),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(audioLengthMean = 1, audioSampleRates = {16,",
                "    0})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.AUDIO_DEPTH_UNKNOWN, 12),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(audioLengthMean = 1, audioDepths = {16,",
                "    12})", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.AUDIO_CHANNELS_UNKNOWN, 3),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(audioLengthMean = 1, audioNumChannels = 3)", BENCH);
    }

    @Test
    void settingsThatNeedAnotherAreRejectedAtTheirValue() {
        assertOnlyErrorOnLine(5, ErrorMessages.PREFIX_LENGTH_WITHOUT_PROMPTS,
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(sharedSystemPromptLength = 4,",
                "    prefixPromptLength = 16)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.AUDIO_SETTING_WITHOUT_AUDIO, "audioBatchSize",
                        "audioBatchSize"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(sharedSystemPromptLength = 4,",
                "    audioBatchSize = 2)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.IMAGE_SETTING_TEXT_ONLY, "imageBatchSize",
                        "imageBatchSize"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"synthetic\")", "@SyntheticInput(imageBatchSize = 2)", BENCH);
    }
}
