package io.llmbench.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link BenchmarkModel} into its runner class, {@code <Outer>_<Inner>_LlmBenchmark}: a
 * {@code BenchmarkDefinition} whose {@code settings()} sets exactly the attributes written on the
 * annotation. Runtime types are named, not linked, so the processor does not depend on the runtime.
 */
final class RunnerWriter {

    private static final String SPEC_PACKAGE = "io.llmbench.runtime.spec";
    static final ClassName BENCHMARK_DEFINITION = ClassName.get(SPEC_PACKAGE, "BenchmarkDefinition");
    static final ClassName ANNOTATED_SETTINGS = ClassName.get(SPEC_PACKAGE, "AnnotatedSettings");

    private final Filer filer;

    RunnerWriter(Filer filer) {
        this.filer = filer;
    }

    /** Writes the runner of {@code model} as a source file, generated from {@code origin}. */
    void write(BenchmarkModel model, Element origin) throws IOException {
        TypeSpec type = typeSpec(model).toBuilder().addOriginatingElement(origin).build();
        JavaFile.builder(model.packageName(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .writeTo(filer);
    }

    /** The runner class of {@code model}. */
    static TypeSpec typeSpec(BenchmarkModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generatedSimpleName())
                .addJavadoc("The generated runner of {@code $L}; see {@code @LlmBenchmark}.\n", model.canonicalName())
                .addAnnotation(generatedAnnotation())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(BENCHMARK_DEFINITION)
                // ServiceLoader creates the runner through this constructor.
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
                .addMethod(MethodSpec.methodBuilder("name")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $S", model.canonicalName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("settings")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ANNOTATED_SETTINGS)
                        .addStatement("return $L", settingsChain(model.attributes(), model.slos()))
                        .build());
        if (!model.hooks().isEmpty()) {
            type.addMethod(HooksWriter.newHooksMethod(model));
        }
        return type.build();
    }

    private static AnnotationSpec generatedAnnotation() {
        return AnnotationSpec.builder(Generated.class)
                .addMember("value", "$S", LlmBenchmarkProcessor.class.getName())
                .build();
    }

    private static CodeBlock settingsChain(List<WrittenAttribute> attributes, List<SloModel> slos) {
        CodeBlock.Builder chain = CodeBlock.builder().add("$T.builder()", ANNOTATED_SETTINGS);
        for (WrittenAttribute written : attributes) {
            chain.add("\n.$L($L)", written.attribute().methodName(), literal(written));
        }
        for (SloModel slo : slos) {
            chain.add("\n.slo($S, $S, $L, $L)", slo.metric(), slo.statistic(), doubleLiteral(slo.max()),
                    doubleLiteral(slo.min()));
        }
        return chain.add("\n.build()").build();
    }

    private static CodeBlock literal(WrittenAttribute written) {
        switch (written.attribute().kind()) {
            case STRING:
                return CodeBlock.of("$S", written.value());
            case INT:
                return CodeBlock.of("$L", written.value());
            case LONG:
                return CodeBlock.of("$LL", written.value());
            case ENUM:
                return CodeBlock.of("$T.$L", ClassName.get(written.attribute().enumType()), written.value());
            case INT_ARRAY:
                return CodeBlock.of("$L", joined(written.ints()));
            case BOOLEAN_ARRAY:
                return CodeBlock.of("$L", joined(written.booleans()));
            case STRING_ARRAY: {
                CodeBlock.Builder strings = CodeBlock.builder();
                for (int i = 0; i < written.strings().size(); i++) {
                    strings.add(i == 0 ? "$S" : ", $S", written.strings().get(i));
                }
                return strings.build();
            }
            case DOUBLE:
                return CodeBlock.of("$L", doubleLiteral((Double) written.value()));
            case DOUBLE_ARRAY:
                return CodeBlock.of("$L", written.doubles().stream().map(RunnerWriter::doubleLiteral)
                        .collect(Collectors.joining(", ")));
            default:
                throw new AssertionError("no literal for " + written.attribute().kind());
        }
    }

    private static String doubleLiteral(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    private static String joined(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
