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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Endpoint}, {@code @Output} and {@code @Tokenizer}: written attributes become setter calls,
 * each invalid value is rejected at the value (the element of a list), and contradictions at the
 * value that has to go, across a superclass too.
 */
class EndpointOutputAnnotationTest {

    private static String runner(JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents).orElseThrow();
    }

    @Test
    void everyWrittenEndpointOutputAndTokenizerAttributeBecomesASetterCall() {
        String runner = runner(source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark(endpointType = EndpointType.TEMPLATE)",
                "@Endpoint(urls = {\"localhost:8001\", \"http://gpu2:8000/v1\"}, models = {\"a\", \"b\"},",
                "    modelSelectionStrategy = \"random\", customEndpoint = \"/v1/my/chat\",",
                "    templateBody = \"{\\\"q\\\": {{text}}}\", responseField = \"out.text\", http2 = true,",
                "    insecure = false, useServerTokenCount = true, connectionReuseStrategy = \"pooled\")",
                "@Output(exportLevel = \"summary\", sliceDuration = 2.5, plots = true, artifactDir = \"out\")",
                "@Tokenizer(\"Qwen/Qwen2.5-0.5B-Instruct\")",
                BENCH));
        assertThat(runner).contains(String.join("\n",
                "        return AnnotatedSettings.builder()",
                "                .endpointType(EndpointType.TEMPLATE)",
                "                .model(\"a\", \"b\")",
                "                .urls(\"localhost:8001\", \"http://gpu2:8000/v1\")",
                "                .modelSelectionStrategy(\"random\")",
                "                .customEndpoint(\"/v1/my/chat\")",
                "                .templateBody(\"{\\\"q\\\": {{text}}}\")",
                "                .responseField(\"out.text\")",
                "                .http2(true)",
                "                .insecure(false)",
                "                .useServerTokenCount(true)",
                "                .connectionReuseStrategy(\"pooled\")",
                "                .exportLevel(\"summary\")",
                "                .sliceDuration(2.5)",
                "                .plots(true)",
                "                .artifactDir(\"out\")",
                "                .tokenizer(\"Qwen/Qwen2.5-0.5B-Instruct\")",
                "                .build();"));
    }

    @Test
    void subclassModelReplacesSuperclassModelsAndKeepsTheOtherAttributes() {
        JavaFileObject base = source("test.Base", PKG, IMPORTS,
                "@LlmBenchmark",
                "@Endpoint(models = {\"a\", \"b\"}, urls = \"localhost:9\")",
                "@Output(exportLevel = \"raw\")",
                "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark(model = \"c\")",
                "@Output(plots = true)",
                "public class Bench extends Base { }");
        String runner = runner(base, bench);
        assertThat(runner).contains(".model(\"c\")\n                .urls(\"localhost:9\")");
        assertThat(runner).contains(".exportLevel(\"raw\")\n                .plots(true)");
    }

    @Test
    void modelAndModelsOnOneClassAreOneSettingWrittenTwice() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SAME_SETTING_TWICE, "Endpoint", "models",
                        "LlmBenchmark", "model"),
                PKG, IMPORTS, "@LlmBenchmark(model = \"a\")", "@Endpoint(models = {\"b\", \"c\"})", BENCH);
    }

    @Test
    void invalidEndpointValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.URL_INVALID, "ftp://x:1"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(urls = {\"localhost:8000\",", "    \"ftp://x:1\"})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.URL_INVALID, "http://h:1/v1?x=1"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(", "    urls = \"http://h:1/v1?x=1\")", BENCH);
        assertOnlyErrorOnLine(5, ErrorMessages.MODELS_BLANK,
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(models = {\"a\",", "    \" \"})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.DUPLICATE_VALUE, "models", "a"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(models = {\"a\",", "    \"a\"})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.MODEL_SELECTION_UNKNOWN, "least_loaded"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(models = {\"a\", \"b\"},",
                "    modelSelectionStrategy = \"least_loaded\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.CUSTOM_ENDPOINT_NOT_A_PATH, "http://h/v1"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(customEndpoint = \"http://h/v1\")", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.TEMPLATE_BODY_BLANK,
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(templateBody = \" \")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.RESPONSE_FIELD_INVALID, "choices..text"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(responseField = \"choices..text\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.ONE_FLAG_VALUE, "http2", 2, "http2", "http2"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(http2 = {true, false})", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.ONE_FLAG_VALUE, "insecure", 0, "insecure", "insecure"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(insecure = {})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.ONE_FLAG_VALUE, "useServerTokenCount", 2,
                        "useServerTokenCount", "useServerTokenCount"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(urls = \"localhost:8000\",",
                "    useServerTokenCount = {true, true})", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.CONNECTION_REUSE_UNKNOWN, "sticky"),
                PKG, IMPORTS, "@LlmBenchmark", "@Endpoint(urls = \"localhost:8000\",",
                "    connectionReuseStrategy = \"sticky\")", BENCH);
    }

    @Test
    void aConnectionStrategyOtherThanPooledNeedsHttp11AcrossASuperclass() {
        JavaFileObject base = source("test.Base", PKG, IMPORTS,
                "@LlmBenchmark", "@Endpoint(http2 = true)", "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark",
                "@Endpoint(connectionReuseStrategy = \"sticky-user-sessions\")",
                "public class Bench extends Base { }");
        Compilation compilation = compile(base, bench);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.CONNECTION_REUSE_WITH_HTTP2,
                "sticky-user-sessions")).inFile(bench).onLine(4);
        assertThat(compile(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Endpoint(http2 = true, connectionReuseStrategy = \"pooled\")", BENCH))).succeeded();
    }

    @Test
    void templateSettingsContradictAnotherEndpointTypeAcrossASuperclass() {
        JavaFileObject base = source("test.Base", PKG, IMPORTS,
                "@LlmBenchmark(endpointType = EndpointType.COMPLETIONS)", "public abstract class Base { }");
        JavaFileObject bench = source("test.Bench", PKG, IMPORTS,
                "@Endpoint(",
                "    responseField = \"choices.0.text\")",
                "public class Bench extends Base { }");
        Compilation compilation = compile(base, bench);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.TEMPLATE_SETTING_NOT_TEMPLATE,
                "responseField", "COMPLETIONS", "responseField")).inFile(bench).onLine(4);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aSelectionStrategyNeedsSeveralModels() {
        assertOnlyErrorOnLine(5, ErrorMessages.STRATEGY_WITH_ONE_MODEL,
                PKG, IMPORTS, "@LlmBenchmark(model = \"a\")", "@Endpoint(",
                "    modelSelectionStrategy = \"random\")", BENCH);
        runner(source("test.Bench", PKG, IMPORTS, "@LlmBenchmark",
                "@Endpoint(modelSelectionStrategy = \"random\")", BENCH));
    }

    @Test
    void invalidOutputAndTokenizerValuesAreRejectedAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.EXPORT_LEVEL_UNKNOWN, "all"),
                PKG, IMPORTS, "@LlmBenchmark", "@Output(", "    exportLevel = \"all\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SLICE_DURATION_NOT_POSITIVE, 0.0),
                PKG, IMPORTS, "@LlmBenchmark", "@Output(sliceDuration = 0)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.SLICE_DURATION_NOT_POSITIVE, Double.POSITIVE_INFINITY),
                PKG, IMPORTS, "@LlmBenchmark", "@Output(sliceDuration = Double.POSITIVE_INFINITY)", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.ONE_FLAG_VALUE, "plots", 2, "plots", "plots"),
                PKG, IMPORTS, "@LlmBenchmark", "@Output(plots = {true, true})", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.ARTIFACT_DIR_BLANK,
                PKG, IMPORTS, "@LlmBenchmark", "@Output(artifactDir = \"\")", BENCH);
        assertOnlyErrorOnLine(4, ErrorMessages.TOKENIZER_BLANK,
                PKG, IMPORTS, "@LlmBenchmark", "@Tokenizer(\"\")", BENCH);
    }
}
