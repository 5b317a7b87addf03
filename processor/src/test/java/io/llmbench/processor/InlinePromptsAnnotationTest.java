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

/** {@code @LlmBenchmark(prompts)}: the inline dataset written in the annotation. */
class InlinePromptsAnnotationTest {

    @Test
    void promptsBecomeOneSetterCall() {
        Compilation compilation = compile(source("test.Bench", PKG, IMPORTS,
                "@LlmBenchmark(prompts = {\"What is 2+2?\", \"Name a colour.\"})", BENCH));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = compilation.generatedSourceFile("test.Bench_LlmBenchmark").map(TestSources::contents)
                .orElseThrow();
        assertThat(runner).contains(".prompts(\"What is 2+2?\", \"Name a colour.\")");
    }

    @Test
    void aBlankPromptIsRejectedAtItsElement() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.PROMPT_BLANK, 1),
                PKG, IMPORTS, "@LlmBenchmark(prompts = {\"Hello\",",
                "    \"  \"})", BENCH);
    }

    @Test
    void promptsContradictADatasetAndACustomDataset() {
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.PROMPTS_AND_DATASET, "synthetic"),
                PKG, IMPORTS, "@LlmBenchmark(dataset = \"synthetic\",", "    prompts = \"Hello\")", BENCH);
        assertOnlyErrorOnLine(4, String.format(ErrorMessages.PROMPTS_AND_CUSTOM_DATASET, "entries"),
                PKG, IMPORTS, "import java.util.List;", "@LlmBenchmark(prompts = \"Hello\")",
                "public class Bench {",
                "    @CustomDataset public List<String> entries() { return List.of(\"hi\"); }",
                "}");
    }
}
