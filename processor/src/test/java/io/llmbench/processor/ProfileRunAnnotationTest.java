package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.assertOnlyErrorOnLine;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Load}'s repeated-run attributes: written ones become setter calls, values out of range are
 * rejected at the value, and each needs {@code numProfileRuns} above 1 on the class or a superclass.
 */
class ProfileRunAnnotationTest {

    private static String runner(Compilation compilation) {
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents).orElseThrow();
    }

    @Test
    void writtenRepeatedRunAttributesBecomeSetterCalls() {
        String runner = runner(compile(source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(numProfileRuns = 3, profileRunCooldownSeconds = 2.5, confidenceLevel = 0.99,",
                "    profileRunDisableWarmupAfterFirst = false, setConsistentSeed = false)",
                "public class Bench { }")));
        assertThat(runner).contains(String.join("\n",
                "                .numProfileRuns(3)",
                "                .profileRunCooldownSeconds(2.5)",
                "                .confidenceLevel(0.99)",
                "                .profileRunDisableWarmupAfterFirst(false)",
                "                .setConsistentSeed(false)",
                "                .build();"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "profileRunCooldownSeconds = -1                        | COOLDOWN_NEGATIVE",
        "profileRunCooldownSeconds = Double.POSITIVE_INFINITY  | COOLDOWN_NEGATIVE",
        "confidenceLevel = 0                                   | CONFIDENCE_LEVEL_OUT_OF_RANGE",
        "confidenceLevel = 1                                   | CONFIDENCE_LEVEL_OUT_OF_RANGE",
        "confidenceLevel = 95                                  | CONFIDENCE_LEVEL_OUT_OF_RANGE",
        "confidenceLevel = Double.NaN                          | CONFIDENCE_LEVEL_OUT_OF_RANGE",
        "profileRunDisableWarmupAfterFirst = {}                | ONE_FLAG_VALUE",
        "setConsistentSeed = {true, false}                     | ONE_FLAG_VALUE",
    })
    void invalidValueIsRejectedOnItsLine(String attribute, String messageName) throws Exception {
        assertOnlyErrorOnLine(6, TestSources.messageStart(messageName, attribute.substring(0, attribute.indexOf(' '))),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(",
                "    numProfileRuns = 3,",
                "    " + attribute + ")",
                "public class Bench { }");
    }

    @Test
    void messagesSayTheValueAndTheFix() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.CONFIDENCE_LEVEL_OUT_OF_RANGE, 1.5),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(numProfileRuns = 2, confidenceLevel = 1.5)", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.COOLDOWN_NEGATIVE, -0.5),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(numProfileRuns = 2, profileRunCooldownSeconds = -0.5)", "public class Bench { }");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "profileRunCooldownSeconds = 1            | not written",
        "confidenceLevel = 0.9                    | not written",
        "profileRunDisableWarmupAfterFirst = true | not written",
        "setConsistentSeed = true                 | not written",
    })
    void settingWithoutRepeatedRunsIsRejectedAtItsOwnValue(String attribute, String runs) {
        String name = attribute.substring(0, attribute.indexOf(' '));
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.PROFILE_RUN_SETTING_WITHOUT_RUNS, name, runs, name),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(requestRate = 5,",
                "    " + attribute + ")",
                "public class Bench { }");
    }

    @Test
    void aSingleRunWrittenExplicitlyIsNamedInTheMessage() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.PROFILE_RUN_SETTING_WITHOUT_RUNS, "confidenceLevel", "1",
                        "confidenceLevel"),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(numProfileRuns = 1,", "    confidenceLevel = 0.9)", "public class Bench { }");
    }

    @Test
    void aSuperclassRunCountSatisfiesASubclassSetting() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(numProfileRuns = 5)",
                "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@Load(confidenceLevel = 0.9)",
                "public class Bench extends Base { }");
        String runner = runner(compile(base, bench));
        assertThat(runner).contains(".numProfileRuns(5)\n                .confidenceLevel(0.9)");
    }
}
