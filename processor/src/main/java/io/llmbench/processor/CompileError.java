package io.llmbench.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One error to report, with where it points: the element, the annotation on it, and (for a bad
 * attribute value) the value itself, so that an IDE underlines exactly what is wrong.
 *
 * @param mirror the annotation on {@code element}, or {@code null} when the element itself is at fault (a hook method)
 * @param value the annotation value at fault, or {@code null} when the class itself is at fault
 */
record CompileError(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
}
