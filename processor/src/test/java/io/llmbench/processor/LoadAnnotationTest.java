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
 * {@code @Load}: its written attributes become setter calls, each invalid value is rejected at the
 * value (the element of a list), and settings that need another are rejected at the value that has
 * to go, including across a superclass.
 */
class LoadAnnotationTest {

    private static String runner(Compilation compilation, String name) {
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile(name).map(TestSources::contents).orElseThrow();
    }

    @Test
    void everyWrittenLoadAttributeBecomesASetterCallAndTheOthersStayUnset() {
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(concurrency = 4)",
                "@Load(requestRate = {2, 7.5}, arrivalPattern = ArrivalPattern.GAMMA, arrivalSmoothness = 0.5,",
                "    benchmarkDuration = 20, benchmarkGracePeriod = Double.POSITIVE_INFINITY,",
                "    requestCancellationRate = 10, requestCancellationDelay = 0, concurrencyRampDuration = 3,",
                "    requestRateRampDuration = 4, prefillConcurrency = 2, numProfileRuns = 3)",
                "public class Bench { }");
        String runner = runner(compile(bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(String.join("\n",
                "        return AnnotatedSettings.builder()",
                "                .concurrency(4)",
                "                .requestRate(2.0, 7.5)",
                "                .arrivalPattern(ArrivalPattern.GAMMA)",
                "                .arrivalSmoothness(0.5)",
                "                .benchmarkDuration(20.0)",
                "                .benchmarkGracePeriod(Double.POSITIVE_INFINITY)",
                "                .requestCancellationRate(10.0)",
                "                .requestCancellationDelay(0.0)",
                "                .concurrencyRampDuration(3.0)",
                "                .requestRateRampDuration(4.0)",
                "                .prefillConcurrency(2)",
                "                .numProfileRuns(3)",
                "                .build();"));
        assertThat(runner).contains("import io.llmbench.annotations.ArrivalPattern;");
    }

    @Test
    void subclassOverridesOneLoadAttributeAndKeepsTheRest() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(requestRate = 5, arrivalPattern = ArrivalPattern.CONSTANT)",
                "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@Load(requestRate = {1, 2})",
                "public class Bench extends Base { }");
        String runner = runner(compile(base, bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".requestRate(1.0, 2.0)\n                .arrivalPattern(ArrivalPattern.CONSTANT)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "requestRate = {}                          | EMPTY_LIST",
        "requestRate = {5, 0}                      | REQUEST_RATE_NOT_POSITIVE",
        "requestRate = {5, Double.POSITIVE_INFINITY} | REQUEST_RATE_NOT_POSITIVE",
        "requestRate = {5, 5}                      | DUPLICATE_VALUE",
        "arrivalPattern = ArrivalPattern.UNSET     | ARRIVAL_PATTERN_UNSET",
        "arrivalSmoothness = 0                     | LOAD_NOT_POSITIVE",
        "benchmarkDuration = -1                    | LOAD_NOT_POSITIVE",
        "concurrencyRampDuration = Double.NaN      | LOAD_NOT_POSITIVE",
        "requestCancellationRate = 101             | CANCELLATION_RATE_NOT_PERCENT",
        "prefillConcurrency = 0                    | BELOW_MINIMUM",
        "numProfileRuns = 0                        | BELOW_MINIMUM",
        "numProfileRuns = 11                       | PROFILE_RUNS_TOO_MANY",
    })
    void invalidLoadValueIsRejectedOnItsLine(String attribute, String messageName) throws Exception {
        String expected = TestSources.messageStart(messageName, attribute.substring(0, attribute.indexOf(' ')));
        assertOnlyErrorOnLine(5, expected,
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(",
                "    " + attribute + ")",
                "public class Bench { }");
    }

    @Test
    void messagesSayHowToFixTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.REQUEST_RATE_NOT_POSITIVE, 0.0),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(requestRate = {5,", "    0})", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.LOAD_NOT_POSITIVE, "arrivalSmoothness", -2.0,
                        "arrivalSmoothness", "1, Poisson-like"),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(arrivalSmoothness = -2)", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.GRACE_PERIOD_NEGATIVE, -1.0),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(benchmarkDuration = 5, benchmarkGracePeriod = -1)", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.CANCELLATION_DELAY_NEGATIVE, -0.5),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(requestCancellationRate = 5, requestCancellationDelay = -0.5)", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.PROFILE_RUNS_TOO_MANY, 11, 10),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(numProfileRuns = 11)", "public class Bench { }");
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.CANCELLATION_RATE_NOT_PERCENT, 0.0),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(requestCancellationRate = 0)", "public class Bench { }");
        assertOnlyErrorOnLine(4, ErrorMessages.ARRIVAL_PATTERN_UNSET,
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(arrivalPattern = ArrivalPattern.UNSET)", "public class Bench { }");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "requestRate = 5, arrivalPattern = ArrivalPattern.POISSON | arrivalSmoothness = 2         | SMOOTHNESS_NOT_GAMMA",
        "requestRate = 5                                          | benchmarkGracePeriod = 3      | GRACE_WITHOUT_DURATION",
        "requestRate = 5                                          | requestCancellationDelay = 1  | DELAY_WITHOUT_CANCELLATION",
        "concurrencyRampDuration = 2                              | requestRateRampDuration = 3   | RATE_RAMP_WITHOUT_RATE",
    })
    void settingThatNeedsAnotherIsRejectedAtItsOwnValue(String context, String offending, String messageName)
            throws Exception {
        String template = (String) ErrorMessages.class.getDeclaredField(messageName).get(null);
        String message = messageName.equals("SMOOTHNESS_NOT_GAMMA") ? String.format(template, "POISSON") : template;
        assertOnlyErrorOnLine(6, message,
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(concurrency = 2)",
                "@Load(",
                "    " + context + ",",
                "    " + offending + ")",
                "public class Bench { }");
    }

    @Test
    void fixedScheduleIsOneValueAndContradictsARate() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.FIXED_SCHEDULE_ONE_VALUE, 2),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(fixedSchedule = {true, false})", "public class Bench { }");
        assertOnlyErrorOnLine(5, ErrorMessages.FIXED_SCHEDULE_WITH_RATE,
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark",
                "@Load(requestRate = 5,", "    fixedSchedule = true)", "public class Bench { }");
        String runner = runner(compile(source("test.Bench", "package test;", "import io.llmbench.annotations.*;",
                "@LlmBenchmark", "@Load(fixedSchedule = true)", "public class Bench { }")), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".fixedSchedule(true)");
    }

    @Test
    void aPatternThatSpacesARateNeedsOneButABurstDoesNot() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.PATTERN_WITHOUT_RATE, "CONSTANT"),
                "package test;", "import io.llmbench.annotations.*;", "@LlmBenchmark(concurrency = 2)",
                "@Load(prefillConcurrency = 1,", "    arrivalPattern = ArrivalPattern.CONSTANT)",
                "public class Bench { }");
        String runner = runner(compile(source("test.Bench", "package test;", "import io.llmbench.annotations.*;",
                "@LlmBenchmark(concurrency = 2)", "@Load(arrivalPattern = ArrivalPattern.CONCURRENCY_BURST)",
                "public class Bench { }")), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".arrivalPattern(ArrivalPattern.CONCURRENCY_BURST)");
    }

    @Test
    void aSuperclassValueSatisfiesASubclassSettingThatNeedsIt() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Load(benchmarkDuration = 10)",
                "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@Load(requestRate = 5, benchmarkGracePeriod = 0)",
                "public class Bench extends Base { }");
        String runner = runner(compile(base, bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".benchmarkDuration(10.0)\n                .benchmarkGracePeriod(0.0)");
    }
}
