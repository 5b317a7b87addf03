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
 * {@code @SyntheticInput}'s conversation-turn attributes: written ones become setter calls (a subclass's
 * value replacing its superclass's), invalid values are rejected at the value, and turns on a dataset
 * that is not synthetic at the attribute.
 */
class ConversationTurnAnnotationTest {

    @Test
    void everyWrittenTurnAttributeBecomesASetterCallAndASubclassReplacesItsSuperclasss() {
        Compilation compilation = compile(
                source("test.Base", PKG, IMPORTS,
                        "@SyntheticInput(conversationTurnMean = 2, conversationTurnDelayMean = 500)",
                        "public abstract class Base { }"),
                source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                        "@SyntheticInput(conversationTurnMean = 4, conversationTurnStddev = 1,",
                        "    conversationTurnDelayStddev = 50, conversationTurnDelayRatio = 0.5)",
                        "public class Bench extends Base { }"));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains(String.join("\n",
                "                .conversationTurnMean(4)",
                "                .conversationTurnStddev(1)",
                "                .conversationTurnDelayMean(500.0)",
                "                .conversationTurnDelayStddev(50.0)",
                "                .conversationTurnDelayRatio(0.5)",
                "                .build();"));
    }

    @Test
    void invalidTurnValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BELOW_MINIMUM, "conversationTurnMean", 0, 1,
                        "conversationTurnMean"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(", "    conversationTurnMean = 0)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BELOW_MINIMUM, "conversationTurnStddev", -3, 0,
                        "conversationTurnStddev"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(conversationTurnMean = 3,",
                "    conversationTurnStddev = -3)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.TURN_DELAY_NOT_NON_NEGATIVE, "conversationTurnDelayMean",
                        -100.0, "conversationTurnDelayMean"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(conversationTurnMean = 3,",
                "    conversationTurnDelayMean = -100)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.TURN_DELAY_NOT_NON_NEGATIVE,
                        "conversationTurnDelayStddev", Double.POSITIVE_INFINITY, "conversationTurnDelayStddev"),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(conversationTurnMean = 3,",
                "    conversationTurnDelayStddev = 1.0 / 0)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.TURN_DELAY_RATIO_NOT_NON_NEGATIVE, -0.5),
                PKG, IMPORTS, "@LlmBenchmark", "@SyntheticInput(conversationTurnMean = 3,",
                "    conversationTurnDelayRatio = -0.5)", BENCH);
    }

    @Test
    void turnsOnADatasetThatIsNotSyntheticAreRejectedAtTheAttribute() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.SYNTHETIC_SETTING_NOT_SYNTHETIC, "conversationTurnMean",
                        "sharegpt", "conversationTurnMean"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"sharegpt\")", "@SyntheticInput(",
                "    conversationTurnMean = 3)", BENCH);
    }
}
