package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the processor generates for valid benchmarks: the runner classes and the service index. */
class GeneratedRunnerTest {

    private static String runnerSource(Compilation compilation, String runner) {
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile(runner).map(TestSources::contents).orElseThrow(
                () -> new AssertionError("no generated source " + runner));
    }

    @Test
    void designCardExampleCompilesToARunnerSettingExactlyItsAttributes() {
        JavaFileObject source = source("test.MmstarVision",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(dataset = \"mmstar\", concurrency = 4)",
                "public class MmstarVision { }");
        Compilation compilation = compile(source);
        // The whole file, so that imports (none from java.lang), the annotation and the layout are checked too.
        assertThat(runnerSource(compile(source), "test.MmstarVision_LlmBenchmark")).isEqualTo(String.join("\n",
                "package test;",
                "",
                "import io.llmbench.runtime.spec.AnnotatedSettings;",
                "import io.llmbench.runtime.spec.BenchmarkDefinition;",
                "import javax.annotation.processing.Generated;",
                "",
                "/**",
                " * The generated runner of {@code test.MmstarVision}; see {@code @LlmBenchmark}.",
                " */",
                "@Generated(\"io.llmbench.processor.LlmBenchmarkProcessor\")",
                "public final class MmstarVision_LlmBenchmark implements BenchmarkDefinition {",
                "    public MmstarVision_LlmBenchmark() {",
                "    }",
                "",
                "    @Override",
                "    public String name() {",
                "        return \"test.MmstarVision\";",
                "    }",
                "",
                "    @Override",
                "    public AnnotatedSettings settings() {",
                "        return AnnotatedSettings.builder()",
                "                .dataset(\"mmstar\")",
                "                .concurrency(4)",
                "                .build();",
                "    }",
                "}",
                ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4            | .concurrency(4)",
        "{1, 4, 16}   | .concurrency(1, 4, 16)",
    })
    void concurrencyCompilesAsOneValueAndAsASweep(String written, String expectedCall) {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(concurrency = " + written + ")",
                "public class Bench { }");
        assertThat(runnerSource(compile(source), "test.Bench_LlmBenchmark")).contains(expectedCall + "\n");
    }

    @Test
    void everyWrittenAttributeBecomesOneSetterCallInDeclarationOrder() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.EndpointType;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(",
                "    goodput = \"time_to_first_token:200 inter_token_latency:2.5\",",
                "    randomSeed = 42,",
                "    inputTokensStddev = 0,",
                "    inputTokensMean = {128, 512},",
                "    outputTokens = 64,",
                "    model = \"Qwen/Qwen2 \\\"quoted\\\"\",",
                "    endpointType = EndpointType.COMPLETIONS,",
                "    streaming = {true, false},",
                "    warmupRequestCount = 0,",
                "    requestCount = 100,",
                "    concurrency = {1, 8},",
                "    dataset = \"synthetic\")",
                "public class Bench { }");
        String runner = runnerSource(compile(source), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(String.join("\n",
                "return AnnotatedSettings.builder()",
                "                .dataset(\"synthetic\")",
                "                .concurrency(1, 8)",
                "                .requestCount(100)",
                "                .warmupRequestCount(0)",
                "                .streaming(true, false)",
                "                .endpointType(EndpointType.COMPLETIONS)",
                "                .model(\"Qwen/Qwen2 \\\"quoted\\\"\")",
                "                .outputTokens(64)",
                "                .inputTokensMean(128, 512)",
                "                .inputTokensStddev(0)",
                "                .randomSeed(42L)",
                "                .goodput(\"time_to_first_token:200 inter_token_latency:2.5\")",
                "                .build();"));
        assertThat(runner).contains("import io.llmbench.annotations.EndpointType;");
    }

    @Test
    void attributesNotWrittenGetNoSetterCall() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark",
                "public class Bench { }");
        assertThat(runnerSource(compile(source), "test.Bench_LlmBenchmark"))
                .contains("return AnnotatedSettings.builder()\n                .build();");
    }

    @Test
    void constantsAreResolvedToTheirValues() {
        JavaFileObject limits = source("test.Limits",
                "package test;",
                "public final class Limits {",
                "    public static final int C = 8;",
                "    public static final String MODEL = \"m-\" + C;",
                "    public static final long SEED = 1L << 40;",
                "}");
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.Datasets;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(dataset = Datasets.SYNTHETIC, concurrency = {Limits.C, 2 * Limits.C},",
                "    model = Limits.MODEL, randomSeed = Limits.SEED)",
                "public class Bench { }");
        String runner = runnerSource(compile(limits, source), "test.Bench_LlmBenchmark");
        assertThat(runner).contains(".dataset(\"synthetic\")\n");
        assertThat(runner).contains(".concurrency(8, 16)\n");
        assertThat(runner).contains(".model(\"m-8\")\n");
        assertThat(runner).contains(".randomSeed(1099511627776L)\n");
    }

    @Test
    void nestedClassRunnerIsNamedAfterItsEnclosingClasses() {
        JavaFileObject source = source("a.b.Outer",
                "package a.b;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "public class Outer {",
                "    public static class Inner {",
                "        @LlmBenchmark(concurrency = 2)",
                "        public static class Leaf { }",
                "    }",
                "}");
        String runner = runnerSource(compile(source), "a.b.Outer_Inner_Leaf_LlmBenchmark");
        assertThat(runner).contains("package a.b;");
        assertThat(runner).contains("public final class Outer_Inner_Leaf_LlmBenchmark implements BenchmarkDefinition");
        assertThat(runner).contains("return \"a.b.Outer.Inner.Leaf\";");
    }

    @Test
    void serviceIndexListsEveryRunnerSortedOnePerLine() {
        Compilation compilation = compile(
                source("z.Last", "package z;", "@io.llmbench.annotations.LlmBenchmark", "public class Last { }"),
                source("a.First", "package a;", "@io.llmbench.annotations.LlmBenchmark", "public class First {",
                        "    @io.llmbench.annotations.LlmBenchmark", "    public static class Nested { }", "}"),
                source("Unnamed", "@io.llmbench.annotations.LlmBenchmark", "public class Unnamed { }"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, ServiceIndexWriter.PATH)
                .contentsAsUtf8String()
                .isEqualTo("Unnamed_LlmBenchmark\na.First_LlmBenchmark\na.First_Nested_LlmBenchmark\nz.Last_LlmBenchmark\n");
    }

    @Test
    void noServiceIndexIsWrittenWithoutBenchmarks() {
        Compilation compilation = compile(source("test.Plain", "package test;", "public class Plain { }"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ServiceIndexWriter.PATH)).isEmpty();
    }
}
