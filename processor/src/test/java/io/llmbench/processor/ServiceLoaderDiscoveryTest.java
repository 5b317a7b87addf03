package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import io.llmbench.annotations.EndpointType;
import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.BenchmarkDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime finds a generated benchmark through {@link ServiceLoader}, with the settings written. */
class ServiceLoaderDiscoveryTest {

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    @TempDir
    Path classes;

    @Test
    void serviceLoaderFindsTheGeneratedBenchmarkWithExactlyItsWrittenSettings() throws IOException {
        JavaFileObject source = source("demo.Vision",
                "package demo;",
                "import io.llmbench.annotations.EndpointType;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "public class Vision {",
                "    @LlmBenchmark(dataset = \"mmstar\", concurrency = {1, 4, 16}, streaming = false,",
                "        endpointType = EndpointType.CHAT, randomSeed = -7, goodput = \"request_latency:200\")",
                "    public static class Mmstar { }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        writeClassOutput(compilation);

        List<BenchmarkDefinition> found = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            ServiceLoader.load(BenchmarkDefinition.class, loader).forEach(found::add);
        }

        assertThat(found).hasSize(1);
        BenchmarkDefinition definition = found.get(0);
        assertThat(definition.getClass().getName()).isEqualTo("demo.Vision_Mmstar_LlmBenchmark");
        assertThat(definition.name()).isEqualTo("demo.Vision.Mmstar");
        AnnotatedSettings settings = definition.settings();
        // Written on the annotation:
        assertThat(settings.dataset()).isEqualTo("mmstar");
        assertThat(settings.concurrency()).asList().containsExactly(1, 4, 16).inOrder();
        assertThat(settings.streaming()).asList().containsExactly(false);
        assertThat(settings.endpointType()).isEqualTo(EndpointType.CHAT);
        assertThat(settings.randomSeed()).isEqualTo(-7L);
        assertThat(settings.goodput()).isEqualTo("request_latency:200");
        // Not written, so unset:
        assertThat(settings.requestCount()).isEqualTo(LlmBenchmark.UNSET);
        assertThat(settings.warmupRequestCount()).isEqualTo(LlmBenchmark.UNSET);
        assertThat(settings.model()).isEmpty();
        assertThat(settings.outputTokens()).isEmpty();
        assertThat(settings.inputTokensMean()).isEmpty();
        assertThat(settings.inputTokensStddev()).isEqualTo(LlmBenchmark.UNSET);
    }

    /** Writes the class files and resources of {@code compilation} under {@link #classes}. */
    private void writeClassOutput(Compilation compilation) throws IOException {
        int written = 0;
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (!path.startsWith(CLASS_OUTPUT)) {
                continue;
            }
            Path target = classes.resolve(path.substring(CLASS_OUTPUT.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
            written++;
        }
        // The benchmark, its enclosing class, the runner and the index.
        assertThat(written).isEqualTo(4);
        assertThat(Files.readString(classes.resolve(ServiceIndexWriter.PATH)))
                .isEqualTo("demo.Vision_Mmstar_LlmBenchmark\n");
    }
}
