package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code newHooks()} the processor generates: a direct call per hook, in each accepted shape. */
class GeneratedHooksTest {

    private static String runner(JavaFileObject source) {
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents).orElseThrow();
    }

    @Test
    void promptListAndShortSignaturesAreAdaptedToTheHooksInterface() {
        String runner = runner(source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "import com.fasterxml.jackson.databind.node.ObjectNode;",
                "import java.util.List;",
                "@LlmBenchmark(model = \"m\")",
                "public class Bench {",
                "    @CustomDataset public List<String> prompts() { return List.of(\"hi\"); }",
                "    @CustomizeRequest public void tweak(ObjectNode body) { }",
                "    @CheckResponse public boolean ok(String response) { return true; }",
                "}"));
        assertThat(runner).contains("Bench benchmark = new Bench();");
        assertThat(runner).contains("return BenchmarkHooks.promptEntries(benchmark.prompts());");
        assertThat(runner).contains("benchmark.tweak(body);");
        assertThat(runner).contains("return benchmark.ok(response);");
        assertThat(runner).doesNotContain("public void setup()");
    }

    @Test
    void hooksInheritedFromABaseClassAreCalledToo() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import io.llmbench.annotations.*;",
                "public class Base {",
                "    @Setup public void open() { }",
                "}");
        JavaFileObject bench = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(model = \"m\")",
                "public class Bench extends Base {",
                "    @TearDown public void close() { }",
                "}");
        Compilation compilation = compile(base, bench);
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains("benchmark.open();");
        assertThat(runner).contains("benchmark.close();");
    }

    @Test
    void benchmarkWithoutHooksKeepsTheDefault() {
        String runner = runner(source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(model = \"m\")",
                "public class Bench { }"));
        assertThat(runner).doesNotContain("newHooks");
    }
}
