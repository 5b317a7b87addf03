package io.llmbench.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error about the annotated class itself, reported at its {@code @LlmBenchmark}. */
class ClassShapeErrorsTest {

    private static void assertOnlyError(JavaFileObject source, int line, String message) {
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "interface Bench {        | an interface",
        "enum Bench { A;          | an enum",
        "record Bench(int x) {    | a record",
        "@interface Bench {       | an annotation type",
    })
    void annotationOnAnythingButAClassIsRejected(String declaration, String what) {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(concurrency = 4)",
                "public " + declaration,
                "}");
        assertOnlyError(source, 3, String.format(ErrorMessages.NOT_A_CLASS, "test.Bench", what));
    }

    @Test
    void nonPublicClassIsRejected() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark",
                "class Bench {",
                "}");
        assertOnlyError(source, 3, String.format(ErrorMessages.NOT_PUBLIC, "test.Bench"));
    }

    @Test
    void abstractClassIsABaseWithoutARunner() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark",
                "public abstract class Bench {",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        org.junit.jupiter.api.Assertions.assertTrue(
                compilation.generatedSourceFile("test.Bench_LlmBenchmark").isEmpty(), "a base gets no runner");
    }

    @Test
    void innerClassIsRejected() {
        JavaFileObject source = source("test.Outer",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "public class Outer {",
                "    @LlmBenchmark",
                "    public class Inner {",
                "    }",
                "}");
        assertOnlyError(source, 4, String.format(ErrorMessages.INNER_CLASS, "test.Outer.Inner"));
    }

    @Test
    void nestedClassInANonPublicClassIsRejected() {
        JavaFileObject source = source("test.Outer",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "public class Outer {",
                "    static class Middle {",
                "        @LlmBenchmark",
                "        public static class Inner {",
                "        }",
                "    }",
                "}");
        assertOnlyError(source, 5, String.format(ErrorMessages.ENCLOSING_NOT_PUBLIC, "test.Outer.Middle.Inner",
                "test.Outer.Middle"));
    }

    @Test
    void classWithoutAPublicNoArgumentConstructorIsRejected() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark",
                "public class Bench {",
                "    private Bench() {",
                "    }",
                "    public Bench(int size) {",
                "    }",
                "}");
        assertOnlyError(source, 3, String.format(ErrorMessages.NO_PUBLIC_NO_ARG_CONSTRUCTOR, "test.Bench"));
    }

    @Test
    void everyShapeErrorOfOneClassIsReported() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(concurrency = 0)",
                "class Bench {",
                "    Bench() {",
                "    }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.NOT_PUBLIC, "test.Bench"))
                .inFile(source).onLine(3).atColumn(1);
        assertThat(compilation).hadErrorContaining(
                String.format(ErrorMessages.NO_PUBLIC_NO_ARG_CONSTRUCTOR, "test.Bench")).inFile(source).onLine(3);
        assertThat(compilation).hadErrorContaining("concurrency = 0 is too small")
                .inFile(source).onLine(3).atColumn(29);
    }

    @Test
    void twoBenchmarksThatWouldGenerateTheSameRunnerAreRejected() {
        JavaFileObject nested = source("test.Outer",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "public class Outer {",
                "    @LlmBenchmark",
                "    public static class Inner {",
                "    }",
                "}");
        JavaFileObject flat = source("test.Outer_Inner",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark",
                "public class Outer_Inner {",
                "}");
        Compilation compilation = compile(nested, flat);
        assertThat(compilation).hadErrorCount(1);
        String message = String.format(ErrorMessages.GENERATED_CLASS_CLASH,
                "test.Outer_Inner_LlmBenchmark", "test.Outer_Inner", "REASON");
        // The reason in the middle is javac's own wording; check the processor's words around it.
        assertThat(compilation).hadErrorContaining(message.substring(0, message.indexOf(" (REASON)")))
                .inFile(flat).onLine(3);
        assertThat(compilation).hadErrorContaining(message.substring(message.indexOf("REASON)") + 7))
                .inFile(flat).onLine(3);
    }
}
