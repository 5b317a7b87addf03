package io.llmbench.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Failures a real compiler does not produce on demand (a full disk, a bug in the processor): a
 * Filer that fails on one call stands in for them, everything else is javac's own.
 */
class ProcessorFailureTest {

    private static final JavaFileObject BENCH = source("test.Bench",
            "package test;",
            "@io.llmbench.annotations.LlmBenchmark",
            "public class Bench { }");

    @Test
    void unexpectedExceptionBecomesOneErrorNamingTheProcessorWithItsStackTrace() {
        Compilation compilation = compileWithFilerFailingOn("createSourceFile", () -> new IllegalStateException("boom"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("LlmBenchmarkProcessor failed unexpectedly");
        String message = compilation.errors().get(0).getMessage(null);
        assertThat(message).contains("java.lang.IllegalStateException: boom");
        assertThat(message).contains("at io.llmbench.processor.RunnerWriter.write(RunnerWriter.java:");
    }

    @Test
    void failureToWriteARunnerIsReportedAtTheBenchmark() {
        Compilation compilation = compileWithFilerFailingOn("createSourceFile", () -> new IOException("disk full"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                String.format(ErrorMessages.WRITE_FAILED, "test.Bench_LlmBenchmark", "disk full"))
                .inFile(BENCH).onLine(2);
    }

    @Test
    void failureToWriteTheIndexIsReported() {
        Compilation compilation = compileWithFilerFailingOn("createResource", () -> new IOException("read-only"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                String.format(ErrorMessages.WRITE_FAILED, ServiceIndexWriter.PATH, "read-only"));
    }

    private static Compilation compileWithFilerFailingOn(String method, Supplier<Throwable> failure) {
        return Compiler.javac().withProcessors(new FailingFilerProcessor(method, failure)).compile(BENCH);
    }

    /** Runs {@link LlmBenchmarkProcessor} with javac's environment, except that one Filer method fails. */
    private static final class FailingFilerProcessor extends AbstractProcessor {
        private final LlmBenchmarkProcessor delegate = new LlmBenchmarkProcessor();
        private final String failingMethod;
        private final Supplier<Throwable> failure;

        FailingFilerProcessor(String failingMethod, Supplier<Throwable> failure) {
            this.failingMethod = failingMethod;
            this.failure = failure;
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            Filer failingFiler = proxy(Filer.class, env.getFiler(), (proxy, method, args) -> {
                if (method.getName().equals(failingMethod)) {
                    // Created here so that its stack trace runs through the processor.
                    throw failure.get();
                }
                return invoke(method, env.getFiler(), args);
            });
            delegate.init(proxy(ProcessingEnvironment.class, env, (proxy, method, args) ->
                    method.getName().equals("getFiler") ? failingFiler : invoke(method, env, args)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            return delegate.process(annotations, roundEnv);
        }

        private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
