package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.assertOnlyErrorOnLine;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import io.llmbench.annotations.SloMetrics;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-attribute precedence class over superclass, the concern annotations ({@code @Warmup},
 * {@code @SyntheticInput}, {@code @Slo}), and the contradictions between settings, each reported
 * at the value that has to go.
 */
class InheritanceAndConcernsTest {

    private static final JavaFileObject BASE = source("test.Base",
            "package test;",
            "import io.llmbench.annotations.*;",
            "@LlmBenchmark(model = \"base-model\", concurrency = {1, 2}, requestCount = 5)",
            "@Warmup(requestCount = 3)",
            "@Slo(metric = \"time_to_first_token\", statistic = \"p99\", max = 200)",
            "public abstract class Base { }");

    private static String runner(Compilation compilation, String name) {
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile(name).map(TestSources::contents).orElseThrow();
    }

    @Test
    void subclassInheritsEveryAttributeItDoesNotWriteAndOverridesTheOnesItDoes() {
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(concurrency = 8)",
                "@Slo(metric = \"time_to_first_token\", statistic = \"p99\", max = 150)",
                "@Slo(metric = \"request_throughput\", min = 2.5)",
                "public class Bench extends Base { }");
        String runner = runner(compile(BASE, bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(String.join("\n",
                "        return AnnotatedSettings.builder()",
                "                .concurrency(8)",
                "                .requestCount(5)",
                "                .warmupRequestCount(3)",
                "                .model(\"base-model\")",
                "                .slo(\"time_to_first_token\", \"p99\", 150.0, Double.NaN)",
                "                .slo(\"request_throughput\", \"\", Double.NaN, 2.5)",
                "                .build();"));
    }

    @Test
    void unannotatedSubclassOfAnAnnotatedBaseIsABenchmarkAndTheAbstractBaseIsNot() {
        JavaFileObject bench = source("test.Plain", "package test;", "public class Plain extends Base { }");
        Compilation compilation = compile(BASE, bench);
        assertThat(runner(compilation, "test.Plain_LlmBenchmark")).contains(".model(\"base-model\")");
        org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFile("test.Base_LlmBenchmark").isEmpty());
    }

    @Test
    void syntheticInputFeedsTheSameSettingsAsLlmBenchmark() {
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(dataset = \"synthetic-vision\")",
                "@SyntheticInput(inputTokensMean = {100, 200}, numDatasetEntries = 7, imageWidthMean = 64,"
                        + " imageFormat = \"jpeg\")",
                "public class Bench { }");
        String runner = runner(compile(bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".inputTokensMean(100, 200)");
        assertThat(runner).contains(".datasetEntries(7)");
        assertThat(runner).contains(".imageWidthMean(64)");
        assertThat(runner).contains(".imageFormat(\"jpeg\")");
    }

    /** Compiles {@code lines} as {@code test.Bench} and expects {@code message} on {@code line}, and nothing else. */
    @Test
    void oneSettingWrittenOnTwoAnnotationsOfOneClassIsAContradiction() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.SAME_SETTING_TWICE, "Warmup", "requestCount",
                "LlmBenchmark", "warmupRequestCount"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(warmupRequestCount = 2)",
                "@Warmup(",
                "    requestCount = 3)",
                "public class Bench { }");
    }

    @Test
    void syntheticShapeOnANonSyntheticDatasetIsRejectedAtTheShape() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.SYNTHETIC_SETTING_NOT_SYNTHETIC, "inputTokensStddev",
                "mmstar", "inputTokensStddev"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(dataset = \"mmstar\")",
                "@SyntheticInput(",
                "    inputTokensStddev = 3)",
                "public class Bench { }");
    }

    @Test
    void imageSizeOnATextOnlyDatasetIsRejected() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.IMAGE_SETTING_TEXT_ONLY, "imageHeightMean",
                "imageHeightMean"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(dataset = \"synthetic\")",
                "@SyntheticInput(",
                "    imageHeightMean = 64)",
                "public class Bench { }");
    }

    @Test
    void syntheticShapeWithACustomDatasetIsRejected() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SYNTHETIC_SETTING_CUSTOM_DATASET, "inputTokensMean",
                "inputTokensMean"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(",
                "    inputTokensMean = 5)",
                "public class Bench {",
                "    @CustomDataset public java.util.List<String> p() { return java.util.List.of(\"x\"); }",
                "}");
    }

    @Test
    void unknownImageFormatIsRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.IMAGE_FORMAT_UNKNOWN, "gif"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(dataset = \"synthetic-vision\")",
                "@SyntheticInput(",
                "    imageFormat = \"gif\")",
                "public class Bench { }");
    }

    @Test
    void nonStreamingBenchmarkWithAStreamingOnlySloIsRejectedAtStreaming() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.STREAMING_ONLY_SLO,
                List.of("inter_token_latency", "time_to_first_token")),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(goodput = \"time_to_first_token:100\",",
                "    streaming = false)",
                "@Slo(metric = \"inter_token_latency\", max = 20)",
                "public class Bench { }");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "metric = \"ttft\", max = 1                              | SLO_UNKNOWN_METRIC",
        "metric = \"request_latency\", statistic = \"p42\", max = 1 | SLO_UNKNOWN_STATISTIC",
        "metric = \"accuracy\", statistic = \"avg\", min = 0.9     | SLO_STATISTIC_ON_RUN_LEVEL",
        "metric = \"request_latency\"                            | SLO_NO_BOUND",
        "metric = \"request_latency\", max = 5, min = 1          | SLO_BOTH_BOUNDS",
        "metric = \"request_latency\", max = Double.POSITIVE_INFINITY | SLO_NOT_FINITE",
    })
    void invalidSloIsRejectedOnItsLine(String attributes, String messageName) throws Exception {
        String template = (String) ErrorMessages.class.getDeclaredField(messageName).get(null);
        String metric = attributes.substring(attributes.indexOf('"') + 1, attributes.indexOf('"', attributes.indexOf('"') + 1));
        String message = switch (messageName) {
            case "SLO_UNKNOWN_METRIC" -> String.format(template, metric, SloMetrics.GATE_TAGS);
            case "SLO_UNKNOWN_STATISTIC" -> String.format(template, "p42", metric, SloMetrics.STATISTICS);
            case "SLO_STATISTIC_ON_RUN_LEVEL" -> String.format(template, metric, metric);
            default -> String.format(template, metric);
        };
        assertOnlyErrorOnLine(4, message,
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@Slo(" + attributes + ")",
                "public class Bench { }");
    }

    @Test
    void anErrorInABaseClassIsReportedOnceAtTheBaseValue() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@Warmup(",
                "    requestCount = -1)",
                "public class Base { }");
        JavaFileObject a = source("test.A", "package test;", "import io.llmbench.annotations.*;",
                "@LlmBenchmark public class A extends Base { }");
        JavaFileObject b = source("test.B", "package test;", "import io.llmbench.annotations.*;",
                "@LlmBenchmark public class B extends Base { }");
        Compilation compilation = compile(base, a, b);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.BELOW_MINIMUM, "requestCount", -1, 0,
                "requestCount")).inFile(base).onLine(4);
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "numDatasetEntries = 0 | numDatasetEntries | 0 | 1",
        "imageWidthMean = 0    | imageWidthMean    | 0 | 1",
        "imageHeightMean = -3  | imageHeightMean   | -3 | 1",
        "inputTokensStddev = -1 | inputTokensStddev | -1 | 0",
    })
    void syntheticInputValueBelowItsMinimumIsRejectedOnItsLine(String attribute, String name, int value, int minimum) {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.BELOW_MINIMUM, name, value, minimum, name),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(dataset = \"synthetic-vision\")",
                "@SyntheticInput(",
                "    " + attribute + ")",
                "public class Bench { }");
    }

    @Test
    void requestOptionsBecomeSetterCalls() {
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@RequestOptions(extraInputs = {\"ignore_eos:true\", \"stop:\\\"x\\\"\"}, headers = \"X-Tenant:a\","
                        + " timeoutSeconds = 2.5)",
                "public class Bench { }");
        String runner = runner(compile(bench), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".extraInputs(\"ignore_eos:true\", \"stop:\\\"x\\\"\")");
        assertThat(runner).contains(".headers(\"X-Tenant:a\")");
        assertThat(runner).contains(".requestTimeoutSeconds(2.5)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extraInputs = {\"a:1\", \"oops\"} | EXTRA_INPUT_NOT_A_PAIR | oops",
        "headers = \":x\"                  | HEADER_NOT_A_PAIR      | :x",
        "timeoutSeconds = 0                 | TIMEOUT_NOT_POSITIVE   | 0.0",
    })
    void invalidRequestOptionIsRejectedOnItsLine(String attribute, String messageName, String arg) throws Exception {
        String template = (String) ErrorMessages.class.getDeclaredField(messageName).get(null);
        assertOnlyErrorOnLine(5, String.format(template, arg),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@RequestOptions(",
                "    " + attribute + ")",
                "public class Bench { }");
    }

    @Test
    void headerNamedTwiceIsRejectedAtTheSecond() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.PAIR_NAME_TWICE, "header", "x-a"),
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark",
                "@RequestOptions(headers = {\"X-A:1\",",
                "    \"x-a:2\"})",
                "public class Bench { }");
    }
}
