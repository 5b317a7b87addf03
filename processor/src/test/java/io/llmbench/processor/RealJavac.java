package io.llmbench.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the JDK's javac with the processor into real directories, for what compile-testing's
 * in-memory compilation cannot show: output left on disk by a failed compilation, and an index
 * already in the class output from an earlier build.
 */
final class RealJavac {

    /** What one compilation left: whether it succeeded, and its error messages. */
    record Result(boolean success, List<String> errors) {
    }

    private final Path sourceDir;
    private final Path classDir;
    private final Path generatedDir;

    RealJavac(Path root) throws IOException {
        sourceDir = Files.createDirectories(root.resolve("src"));
        classDir = Files.createDirectories(root.resolve("classes"));
        generatedDir = Files.createDirectories(root.resolve("generated"));
    }

    Path classDir() {
        return classDir;
    }

    Path generatedDir() {
        return generatedDir;
    }

    /** Writes {@code qualifiedName}'s source, lines joined, and returns its file. */
    Path write(String qualifiedName, String... lines) throws IOException {
        Path file = sourceDir.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** Compiles {@code files} with a fresh {@link LlmBenchmarkProcessor} on the test's class path. */
    Result compile(Path... files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-classpath", System.getProperty("java.class.path"),
                    "-d", classDir.toString(),
                    "-s", generatedDir.toString(),
                    "-implicit:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjects(files));
            task.setProcessors(List.of(new LlmBenchmarkProcessor()));
            boolean success = task.call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(diagnostic.getMessage(Locale.ROOT));
                }
            }
            return new Result(success, errors);
        }
    }
}
