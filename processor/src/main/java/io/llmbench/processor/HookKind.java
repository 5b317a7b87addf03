package io.llmbench.processor;

import io.llmbench.annotations.CheckResponse;
import io.llmbench.annotations.CustomDataset;
import io.llmbench.annotations.CustomizeRequest;
import io.llmbench.annotations.Setup;
import io.llmbench.annotations.TearDown;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * The hook annotations and the signatures each accepts. A signature is written as types by
 * qualified name: the return type, then the parameter types.
 */
enum HookKind {
    SETUP(Setup.class, List.of(signature("void"))),
    TEAR_DOWN(TearDown.class, List.of(signature("void"))),
    CUSTOM_DATASET(CustomDataset.class, List.of(
            signature("java.util.List<io.llmbench.runtime.dataset.DatasetEntry>"),
            signature("java.util.List<java.lang.String>"))),
    CUSTOMIZE_REQUEST(CustomizeRequest.class, List.of(
            signature("void", "com.fasterxml.jackson.databind.node.ObjectNode"),
            signature("void", "com.fasterxml.jackson.databind.node.ObjectNode",
                    "io.llmbench.runtime.dataset.DatasetEntry"))),
    CHECK_RESPONSE(CheckResponse.class, List.of(
            signature("boolean", "java.lang.String"),
            signature("boolean", "java.lang.String", "io.llmbench.runtime.dataset.DatasetEntry")));

    private final Class<? extends Annotation> annotation;
    private final List<List<String>> signatures;

    HookKind(Class<? extends Annotation> annotation, List<List<String>> signatures) {
        this.annotation = annotation;
        this.signatures = signatures;
    }

    private static List<String> signature(String... types) {
        return List.of(types);
    }

    String annotationName() {
        return annotation.getCanonicalName();
    }

    String simpleName() {
        return annotation.getSimpleName();
    }

    /** The accepted signatures: each the return type, then the parameter types. */
    List<List<String>> signatures() {
        return signatures;
    }

    /** The accepted declarations for {@code method}, as a user would write them, joined with " or ". */
    String describe(String method) {
        StringBuilder text = new StringBuilder();
        for (List<String> signature : signatures) {
            if (text.length() > 0) {
                text.append(" or ");
            }
            text.append("public ").append(shortName(signature.get(0))).append(' ').append(method).append('(');
            for (int i = 1; i < signature.size(); i++) {
                text.append(i > 1 ? ", " : "").append(shortName(signature.get(i))).append(' ')
                        .append(parameterName(signature.get(i)));
            }
            text.append(')');
        }
        return text.toString();
    }

    private static String shortName(String type) {
        return type.replaceAll("[a-z0-9_]+\\.", "");
    }

    private static String parameterName(String type) {
        if (type.endsWith("ObjectNode")) {
            return "body";
        }
        return type.endsWith("DatasetEntry") ? "entry" : "response";
    }
}
