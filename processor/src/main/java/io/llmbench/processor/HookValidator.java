package io.llmbench.processor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the hook methods of a benchmark class (its own and those it inherits) and checks their
 * signatures; each problem is reported at the method, with the declaration it should have.
 */
final class HookValidator {

    private final Elements elements;
    private final Types types;

    HookValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The hooks of {@code type}, or errors; {@code errors} receives the problems. */
    List<HookMethod> hooks(TypeElement type, List<CompileError> errors) {
        Map<HookKind, ExecutableElement> found = new EnumMap<>(HookKind.class);
        List<HookMethod> hooks = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            for (HookKind kind : HookKind.values()) {
                AnnotationMirror mirror = mirror(method, kind);
                if (mirror == null) {
                    continue;
                }
                String name = method.getSimpleName().toString();
                ExecutableElement earlier = found.putIfAbsent(kind, method);
                if (earlier != null) {
                    errors.add(new CompileError(String.format(ErrorMessages.HOOK_DUPLICATE, kind.simpleName(),
                            earlier.getSimpleName(), name, kind.simpleName()), method, null, null));
                    continue;
                }
                String problem = problem(method, kind);
                if (problem != null) {
                    errors.add(new CompileError(problem, method, null, null));
                    continue;
                }
                hooks.add(new HookMethod(kind, name, matchingSignature(method, kind)));
            }
        }
        return hooks;
    }

    private String problem(ExecutableElement method, HookKind kind) {
        String name = method.getSimpleName().toString();
        String expected = kind.describe(name);
        if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)
                || !method.getTypeParameters().isEmpty()) {
            return String.format(ErrorMessages.HOOK_NOT_PUBLIC_INSTANCE, kind.simpleName(), name, expected);
        }
        if (matchingSignature(method, kind) < 0) {
            return String.format(ErrorMessages.HOOK_SIGNATURE, kind.simpleName(), name, expected);
        }
        TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
                return String.format(ErrorMessages.HOOK_CHECKED_EXCEPTION, kind.simpleName(), name, thrown);
            }
        }
        return null;
    }

    private static int matchingSignature(ExecutableElement method, HookKind kind) {
        List<List<String>> signatures = kind.signatures();
        for (int s = 0; s < signatures.size(); s++) {
            List<String> signature = signatures.get(s);
            if (signature.size() - 1 != method.getParameters().size()
                    || !signature.get(0).equals(method.getReturnType().toString())) {
                continue;
            }
            boolean matches = true;
            for (int p = 0; p < method.getParameters().size(); p++) {
                matches &= signature.get(p + 1).equals(method.getParameters().get(p).asType().toString());
            }
            if (matches) {
                return s;
            }
        }
        return -1;
    }

    private static AnnotationMirror mirror(Element method, HookKind kind) {
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(kind.annotationName())) {
                return mirror;
            }
        }
        return null;
    }
}
