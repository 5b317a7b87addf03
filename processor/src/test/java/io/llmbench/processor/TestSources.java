package io.llmbench.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Builds test sources line by line, so that a test reads its line numbers off the source. */
final class TestSources {

    /** The lines most test sources start and end with. */
    static final String PKG = "package test;";
    static final String IMPORTS = "import io.llmbench.annotations.*;";
    static final String BENCH = "public class Bench { }";

    /**
     * Compiles {@code lines} as {@code test.Bench} and asserts exactly one error, containing
     * {@code message}, on {@code line}.
     */
    static void assertOnlyErrorOnLine(int line, String message, String... lines) {
        JavaFileObject source = source("test.Bench", lines);
        Compilation compilation = compile(source);
        com.google.testing.compile.CompilationSubject.assertThat(compilation).failed();
        com.google.testing.compile.CompilationSubject.assertThat(compilation).hadErrorContaining(message)
                .inFile(source).onLine(line);
        com.google.testing.compile.CompilationSubject.assertThat(compilation).hadErrorCount(1);
    }

    private TestSources() {
    }

    /**
     * The fixed start of the {@link ErrorMessages} constant {@code name} (before its first argument),
     * enough to tell the messages apart; the attribute's name when the message starts with an argument.
     */
    static String messageStart(String name, String attribute) throws ReflectiveOperationException {
        String template = (String) ErrorMessages.class.getDeclaredField(name).get(null);
        int argument = template.indexOf('%');
        String fixed = argument < 0 ? template : template.substring(0, argument);
        return fixed.isEmpty() ? attribute : fixed;
    }

    /** A source file of class {@code qualifiedName}; {@code lines[0]} is line 1. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceString(qualifiedName, String.join("\n", lines) + "\n");
    }

    /**
     * {@code test.Bench} with one attribute line: the annotation opens on line 4 and the attribute
     * is on line {@link #ATTRIBUTE_LINE}, indented by four spaces.
     */
    static JavaFileObject benchWithAttribute(String attribute) {
        return source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.EndpointType;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(",
                "    " + attribute + ")",
                "public class Bench {",
                "}");
    }

    /** The line of the attribute in {@link #benchWithAttribute}. */
    static final int ATTRIBUTE_LINE = 5;

    /** The 1-based column of {@code text} in the attribute line of {@link #benchWithAttribute}. */
    static int columnOf(String attribute, String text) {
        int index = attribute.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException(text + " is not in " + attribute);
        }
        return 4 + index + 1;
    }

    /** The text of a generated file. */
    static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new LlmBenchmarkProcessor()).compile(sources);
    }
}
