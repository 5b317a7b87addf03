package io.llmbench.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The edge between {@code javax.lang.model} and the processor's own model: checks one annotated
 * class and its written attributes, and turns them into a {@link BenchmarkModel} or a list of
 * {@link CompileError}s. It reports nothing itself.
 */
final class BenchmarkValidator {

    private final Elements elements;
    private final HookValidator hookValidator;

    BenchmarkValidator(Elements elements, Types types) {
        this.elements = elements;
        this.hookValidator = new HookValidator(elements, types);
    }

    /**
     * Validates {@code type}, which carries {@code mirror} (its {@code @LlmBenchmark}, or {@code null}
     * when it inherits the annotation). Settings are read from the farthest annotated superclass down
     * to {@code type}, each class's values replacing its superclasses' per setting. An abstract class
     * is a base: its values are checked, but it gets no model.
     */
    Validation validate(TypeElement type, AnnotationMirror mirror) {
        List<CompileError> errors = new ArrayList<>();
        boolean base = type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
        if (!base) {
            for (String message : classShapeErrors(type)) {
                errors.add(new CompileError(message, type, mirror, null));
            }
        }
        Map<String, Located> merged = new LinkedHashMap<>();
        Map<String, SloModel> slos = new LinkedHashMap<>();
        boolean unresolved = false;
        for (TypeElement level : chain(type)) {
            Map<String, Located> own = new LinkedHashMap<>();
            for (AnnotationMirror annotation : level.getAnnotationMirrors()) {
                String annotationType = qualifiedName(annotation);
                if (Attribute.isSettingsAnnotation(annotationType)) {
                    unresolved |= readSettings(level, annotation, annotationType, own, errors);
                }
            }
            merged.putAll(own);
            for (SloModel slo : SloReader.read(level, errors)) {
                slos.put(slo.key(), slo);
            }
        }
        List<HookMethod> hooks = hookValidator.hooks(type, errors);
        CombinationRules.check(merged, List.copyOf(slos.values()), hooks, type, mirror, errors);
        if (!errors.isEmpty() || unresolved || base) {
            return new Validation(Optional.empty(), errors);
        }
        List<WrittenAttribute> attributes = new ArrayList<>();
        for (Located located : merged.values()) {
            attributes.add(located.written());
        }
        attributes.sort((a, b) -> Integer.compare(a.attribute().settingOrder(), b.attribute().settingOrder()));
        return new Validation(Optional.of(new BenchmarkModel(packageName(type), simpleNames(type), attributes,
                hooks, List.copyOf(slos.values()))), List.of());
    }

    /** Reads one settings annotation of {@code level} into {@code own}; returns whether a value was unresolved. */
    private static boolean readSettings(TypeElement level, AnnotationMirror annotation, String annotationType,
            Map<String, Located> own, List<CompileError> errors) {
        boolean unresolved = false;
        // getElementValues() holds only the attributes written in the source, not the defaults.
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            Attribute attribute = Attribute.of(annotationType, entry.getKey().getSimpleName().toString());
            AnnotationValue annotationValue = entry.getValue();
            Optional<Object> value = attribute == null ? Optional.empty() : resolve(attribute, annotationValue);
            if (value.isEmpty()) {
                unresolved = true;
                continue;
            }
            WrittenAttribute written = new WrittenAttribute(attribute, value.get());
            for (AnnotationProblemAt problem : locate(AttributeRules.check(written), annotationValue)) {
                errors.add(new CompileError(problem.message(), level, annotation, problem.value()));
            }
            Located located = new Located(written, level, annotation, annotationValue);
            Located earlier = own.putIfAbsent(attribute.methodName(), located);
            if (earlier != null) {
                Attribute first = earlier.written().attribute();
                errors.add(new CompileError(String.format(ErrorMessages.SAME_SETTING_TWICE,
                        attribute.annotationName(), attribute.memberName(), first.annotationName(),
                        first.memberName()), level, annotation, annotationValue));
            }
        }
        return unresolved;
    }

    /** {@code type} and its superclasses, farthest first, up to (without) {@code java.lang.Object}. */
    private static List<TypeElement> chain(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement t = type; t != null; ) {
            if (t.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            chain.add(0, t);
            TypeMirror superclass = t.getSuperclass();
            t = superclass instanceof DeclaredType ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
        }
        return chain;
    }

    private static String qualifiedName(AnnotationMirror annotation) {
        return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    static AnnotationValue valueOf(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private List<String> classShapeErrors(TypeElement type) {
        String name = type.getQualifiedName().toString();
        List<String> errors = new ArrayList<>();
        if (type.getKind() != ElementKind.CLASS) {
            errors.add(String.format(ErrorMessages.NOT_A_CLASS, name, describe(type.getKind())));
            return errors;
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            errors.add(String.format(ErrorMessages.NOT_PUBLIC, name));
        }
        Element enclosing = type.getEnclosingElement();
        if (enclosing instanceof TypeElement && !type.getModifiers().contains(Modifier.STATIC)) {
            errors.add(String.format(ErrorMessages.INNER_CLASS, name));
        }
        for (; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
            if (!enclosing.getModifiers().contains(Modifier.PUBLIC)) {
                errors.add(String.format(ErrorMessages.ENCLOSING_NOT_PUBLIC,
                        name, ((TypeElement) enclosing).getQualifiedName()));
            }
        }
        if (!hasPublicNoArgConstructor(type)) {
            errors.add(String.format(ErrorMessages.NO_PUBLIC_NO_ARG_CONSTRUCTOR, name));
        }
        return errors;
    }

    private boolean hasPublicNoArgConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!constructor.getParameters().isEmpty()) {
                continue;
            }
            // The implicit constructor has the class's access, which is checked (and reported) on its own.
            if (constructor.getModifiers().contains(Modifier.PUBLIC)
                    || elements.getOrigin(constructor) == Elements.Origin.MANDATED) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ElementKind kind) {
        switch (kind) {
            case INTERFACE:
                return "an interface";
            case ENUM:
                return "an enum";
            case RECORD:
                return "a record";
            case ANNOTATION_TYPE:
                return "an annotation type";
            default:
                return "a " + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The value of one written attribute as a plain Java value, or empty when javac could not
     * give it one (a value of the wrong type, which javac reports itself).
     */
    private static Optional<Object> resolve(Attribute attribute, AnnotationValue annotationValue) {
        Object raw = annotationValue.getValue();
        switch (attribute.kind()) {
            case STRING:
                return raw instanceof String ? Optional.of(raw) : Optional.empty();
            case INT:
                return raw instanceof Integer ? Optional.of(raw) : Optional.empty();
            case LONG:
                // An int constant written for a long attribute may come back as its boxed literal type.
                return raw instanceof Long || raw instanceof Integer
                        ? Optional.of(((Number) raw).longValue())
                        : Optional.empty();
            case ENUM:
                return raw instanceof VariableElement
                        ? Optional.of(((VariableElement) raw).getSimpleName().toString())
                        : Optional.empty();
            case INT_ARRAY:
                return resolveList(annotationValue, Integer.class);
            case BOOLEAN_ARRAY:
                return resolveList(annotationValue, Boolean.class);
            case STRING_ARRAY:
                return resolveList(annotationValue, String.class);
            case DOUBLE:
                return raw instanceof Number number ? Optional.of(number.doubleValue()) : Optional.empty();
            case DOUBLE_ARRAY:
                return resolveDoubles(annotationValue);
            default:
                throw new AssertionError("no resolver for " + attribute.kind());
        }
    }

    private static <T> Optional<Object> resolveList(AnnotationValue annotationValue, Class<T> elementType) {
        List<T> values = new ArrayList<>();
        for (AnnotationValue element : elementsOf(annotationValue)) {
            Object raw = element.getValue();
            if (!elementType.isInstance(raw)) {
                return Optional.empty();
            }
            values.add(elementType.cast(raw));
        }
        return Optional.of(values);
    }

    /** A {@code double[]} value; an element written as an int constant comes back as its boxed literal type. */
    private static Optional<Object> resolveDoubles(AnnotationValue annotationValue) {
        List<Double> values = new ArrayList<>();
        for (AnnotationValue element : elementsOf(annotationValue)) {
            if (!(element.getValue() instanceof Number number)) {
                return Optional.empty();
            }
            values.add(number.doubleValue());
        }
        return Optional.of(values);
    }

    /** The elements of an array value; a single value (javac may keep one unbraced) is its own element. */
    private static List<? extends AnnotationValue> elementsOf(AnnotationValue annotationValue) {
        Object raw = annotationValue.getValue();
        if (raw instanceof List<?>) {
            List<AnnotationValue> list = new ArrayList<>();
            for (Object element : (List<?>) raw) {
                if (!(element instanceof AnnotationValue)) {
                    return Collections.emptyList();
                }
                list.add((AnnotationValue) element);
            }
            return list;
        }
        return List.of(annotationValue);
    }

    /** Pairs each problem with the annotation value to underline: the element at fault, or the whole value. */
    private static List<AnnotationProblemAt> locate(List<AttributeProblem> problems, AnnotationValue value) {
        List<AnnotationProblemAt> located = new ArrayList<>();
        for (AttributeProblem problem : problems) {
            AnnotationValue at = value;
            if (problem.elementIndex() != AttributeProblem.WHOLE_VALUE) {
                List<? extends AnnotationValue> elementValues = elementsOf(value);
                if (problem.elementIndex() < elementValues.size()) {
                    at = elementValues.get(problem.elementIndex());
                }
            }
            located.add(new AnnotationProblemAt(problem.message(), at));
        }
        return located;
    }

    private record AnnotationProblemAt(String message, AnnotationValue value) {
    }

    private String packageName(TypeElement type) {
        return elements.getPackageOf(type).getQualifiedName().toString();
    }

    private static List<String> simpleNames(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.add(0, e.getSimpleName().toString());
        }
        return names;
    }
}
