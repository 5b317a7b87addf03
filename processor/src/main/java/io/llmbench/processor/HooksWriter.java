package io.llmbench.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a runner's {@code newHooks()}: a fresh instance of the benchmark class and an anonymous
 * {@code BenchmarkHooks} that calls its hook methods directly (no reflection).
 */
final class HooksWriter {

    private static final ClassName HOOKS = ClassName.get("io.llmbench.runtime.spec", "BenchmarkHooks");
    private static final ClassName ENTRY = ClassName.get("io.llmbench.runtime.dataset", "DatasetEntry");
    private static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    private static final TypeName ENTRIES = ParameterizedTypeName.get(ClassName.get(List.class), ENTRY);

    private HooksWriter() {
    }

    static MethodSpec newHooksMethod(BenchmarkModel model) {
        ClassName benchmarkClass = ClassName.get(model.packageName(), model.simpleNames().get(0),
                model.simpleNames().subList(1, model.simpleNames().size()).toArray(new String[0]));
        TypeSpec.Builder hooks = TypeSpec.anonymousClassBuilder("").addSuperinterface(HOOKS);
        for (HookMethod hook : model.hooks()) {
            addHook(hooks, hook);
        }
        return MethodSpec.methodBuilder("newHooks")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(HOOKS)
                .addStatement("$T benchmark = new $T()", benchmarkClass, benchmarkClass)
                .addStatement("return $L", hooks.build())
                .build();
    }

    private static void addHook(TypeSpec.Builder hooks, HookMethod hook) {
        String method = hook.methodName();
        switch (hook.kind()) {
            case SETUP:
                hooks.addMethod(override("setup").addStatement("benchmark.$N()", method).build());
                break;
            case TEAR_DOWN:
                hooks.addMethod(override("tearDown").addStatement("benchmark.$N()", method).build());
                break;
            case CUSTOM_DATASET:
                hooks.addMethod(has("hasCustomDataset"));
                hooks.addMethod(override("customDataset").returns(ENTRIES)
                        .addCode(hook.returnsPrompts()
                                ? CodeBlock.of("return $T.promptEntries(benchmark.$N());\n", HOOKS, method)
                                : CodeBlock.of("return benchmark.$N();\n", method))
                        .build());
                break;
            case CUSTOMIZE_REQUEST:
                hooks.addMethod(has("hasRequestCustomizer"));
                hooks.addMethod(override("customizeRequest")
                        .addParameter(OBJECT_NODE, "body")
                        .addParameter(ENTRY, "entry")
                        .addStatement(hook.parameterCount() == 1 ? "benchmark.$N(body)" : "benchmark.$N(body, entry)",
                                method)
                        .build());
                break;
            case CHECK_RESPONSE:
                hooks.addMethod(has("hasResponseCheck"));
                hooks.addMethod(override("checkResponse").returns(TypeName.BOOLEAN)
                        .addParameter(String.class, "response")
                        .addParameter(ENTRY, "entry")
                        .addStatement(hook.parameterCount() == 1 ? "return benchmark.$N(response)"
                                : "return benchmark.$N(response, entry)", method)
                        .build());
                break;
            default:
                throw new AssertionError("no writer for " + hook.kind());
        }
    }

    private static MethodSpec.Builder override(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }

    private static MethodSpec has(String name) {
        return override(name).returns(TypeName.BOOLEAN).addStatement("return true").build();
    }
}
