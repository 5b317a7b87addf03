package io.llmbench.processor;

import java.util.List;

/**
 * A validated {@code @LlmBenchmark} class, free of {@code javax.lang.model} types: what
 * {@link RunnerWriter} needs to generate its runner.
 *
 * @param packageName the package of the annotated class, empty for the unnamed package
 * @param simpleNames the simple names from the outermost class down to the annotated class
 * @param attributes the attributes written in the source, in declaration order
 * @param hooks the class's hook methods (its own and inherited ones)
 * @param slos the run-level SLOs ({@code @Slo}) of the class and its superclasses
 */
record BenchmarkModel(String packageName, List<String> simpleNames, List<WrittenAttribute> attributes,
        List<HookMethod> hooks, List<SloModel> slos) {

    /** Suffix of every generated runner class. */
    static final String GENERATED_SUFFIX = "_LlmBenchmark";

    BenchmarkModel {
        simpleNames = List.copyOf(simpleNames);
        attributes = List.copyOf(attributes);
        hooks = List.copyOf(hooks);
        slos = List.copyOf(slos);
        if (simpleNames.isEmpty()) {
            throw new IllegalArgumentException("a benchmark class has at least one simple name");
        }
    }

    /** A model without hooks. */
    BenchmarkModel(String packageName, List<String> simpleNames, List<WrittenAttribute> attributes) {
        this(packageName, simpleNames, attributes, List.of(), List.of());
    }

    /** The annotated class's canonical name, for example {@code a.b.Outer.Inner}. */
    String canonicalName() {
        return qualify(String.join(".", simpleNames));
    }

    /** The generated class's simple name, for example {@code Outer_Inner_LlmBenchmark}. */
    String generatedSimpleName() {
        return String.join("_", simpleNames) + GENERATED_SUFFIX;
    }

    /** The generated class's binary name, the line it gets in the service index. */
    String generatedBinaryName() {
        return qualify(generatedSimpleName());
    }

    private String qualify(String name) {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }
}
