package io.llmbench.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.compile;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every error about a hook method: its message, at the method's line. */
class HookErrorsTest {

    /** {@code test.Bench} with one hook method declared on line {@link #METHOD_LINE}. */
    private static JavaFileObject benchWithMethod(String annotation, String declaration) {
        return source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "import io.llmbench.runtime.dataset.DatasetEntry;",
                "import com.fasterxml.jackson.databind.node.ObjectNode;",
                "import java.util.List;",
                "@LlmBenchmark(model = \"m\")",
                "public class Bench {",
                "    @" + annotation,
                "    " + declaration + " { throw new UnsupportedOperationException(); }",
                "}");
    }

    private static final int METHOD_LINE = 9;

    private static void assertErrorAtMethod(String annotation, String declaration, String message) {
        JavaFileObject source = benchWithMethod(annotation, declaration);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(METHOD_LINE);
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Setup            | public int open()                          | SETUP             | open",
        "Setup            | public void open(String s)                 | SETUP             | open",
        "TearDown         | public boolean close()                     | TEAR_DOWN         | close",
        "CustomDataset    | public List<Object> entries()              | CUSTOM_DATASET    | entries",
        "CustomDataset    | public DatasetEntry[] entries()            | CUSTOM_DATASET    | entries",
        "CustomizeRequest | public void customize(String body)         | CUSTOMIZE_REQUEST | customize",
        "CustomizeRequest | public ObjectNode customize(ObjectNode b)  | CUSTOMIZE_REQUEST | customize",
        "CheckResponse    | public void check(String response)         | CHECK_RESPONSE    | check",
        "CheckResponse    | public boolean check(DatasetEntry e, String r) | CHECK_RESPONSE | check",
    })
    void wrongSignatureIsRejectedAtTheMethodWithTheRightDeclaration(String annotation, String declaration,
            HookKind kind, String method) {
        assertErrorAtMethod(annotation, declaration,
                String.format(ErrorMessages.HOOK_SIGNATURE, kind.simpleName(), method, kind.describe(method)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Setup         | void open()                        | SETUP          | open",
        "Setup         | public static void open()          | SETUP          | open",
        "CheckResponse | protected boolean check(String r)  | CHECK_RESPONSE | check",
        "TearDown      | public <T> void close()            | TEAR_DOWN      | close",
    })
    void hookMustBeAPublicInstanceMethod(String annotation, String declaration, HookKind kind, String method) {
        assertErrorAtMethod(annotation, declaration,
                String.format(ErrorMessages.HOOK_NOT_PUBLIC_INSTANCE, kind.simpleName(), method, kind.describe(method)));
    }

    @Test
    void checkedExceptionIsRejected() {
        assertErrorAtMethod("Setup", "public void open() throws java.io.IOException",
                String.format(ErrorMessages.HOOK_CHECKED_EXCEPTION, "Setup", "open", "java.io.IOException"));
    }

    @Test
    void describedSignaturesReadAsJava() {
        org.junit.jupiter.api.Assertions.assertEquals(
                "public boolean check(String response) or public boolean check(String response, DatasetEntry entry)",
                HookKind.CHECK_RESPONSE.describe("check"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "public List<DatasetEntry> data() or public List<String> data()",
                HookKind.CUSTOM_DATASET.describe("data"));
    }

    @Test
    void secondMethodWithTheSameHookIsRejectedAtIt() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "@LlmBenchmark(model = \"m\")",
                "public class Bench {",
                "    @Setup public void a() { }",
                "    @Setup public void b() { }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.HOOK_DUPLICATE, "Setup", "a", "b",
                "Setup")).inFile(source).onLine(6);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void datasetAttributeAndCustomDatasetContradictAtTheDatasetValue() {
        JavaFileObject source = source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.*;",
                "import java.util.List;",
                "@LlmBenchmark(model = \"m\",",
                "    dataset = \"synthetic\")",
                "public class Bench {",
                "    @CustomDataset public List<String> prompts() { return List.of(\"hi\"); }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(String.format(ErrorMessages.DATASET_AND_CUSTOM_DATASET,
                "synthetic", "prompts")).inFile(source).onLine(5);
        assertThat(compilation).hadErrorCount(1);
    }
}
