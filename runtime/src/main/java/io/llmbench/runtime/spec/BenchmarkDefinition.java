package io.llmbench.runtime.spec;

/**
 * A benchmark the annotation processor generated: one implementation per {@code @LlmBenchmark}
 * class, listed in {@code META-INF/services/io.llmbench.runtime.spec.BenchmarkDefinition} and found
 * with {@link java.util.ServiceLoader}.
 */
public interface BenchmarkDefinition {

    /** The benchmark's name: the annotated class's canonical name. */
    String name();

    /** The settings written on the annotation; attributes not written are unset. */
    AnnotatedSettings settings();

    /**
     * A fresh instance of the benchmark class with its hook methods, for one run; runners
     * generated for classes without hooks (or before hooks existed) keep this default.
     */
    default BenchmarkHooks newHooks() {
        return BenchmarkHooks.NONE;
    }
}
