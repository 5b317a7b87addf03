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
import io.llmbench.runtime.dataset.file.CustomDatasetType;
import org.junit.jupiter.api.Test;

/** {@code @InputFile}: setter calls, its values and its place beside a {@code file:} dataset. */
class InputFileAnnotationTest {

    @Test
    void theProcessorKnowsEveryFormatTheRuntimeReads() {
        assertThat(InputFileRules.FORMATS).containsExactlyElementsIn(CustomDatasetType.cliNames());
    }

    @Test
    void writtenAttributesBecomeSetterCalls() {
        Compilation compilation = compile(source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark(dataset = \"file:traces/mooncake.jsonl\")",
                "@InputFile(customDatasetType = \"mooncake_trace\", islBlockSize = 64)", BENCH));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow()).contains(".customDatasetType(\"mooncake_trace\")\n                .islBlockSize(64)");
    }

    @Test
    void badValuesAndANonFileDatasetFailAtTheValue() {
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.CUSTOM_DATASET_TYPE_UNKNOWN, "csv", InputFileRules.FORMATS),
                PKG, IMPORTS, "@LlmBenchmark", "@InputFile(", "    customDatasetType = \"csv\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.BELOW_MINIMUM, "islBlockSize", 0, 1, "islBlockSize"),
                PKG, IMPORTS, "@LlmBenchmark", "@InputFile(islBlockSize = 0)", BENCH);
        assertOnlyErrorOnLine(5, String.format(ErrorMessages.FILE_SETTING_NOT_A_FILE, "islBlockSize", "mmstar",
                        "islBlockSize"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"mmstar\")", "@InputFile(",
                "    islBlockSize = 16)", BENCH);
    }
}
