package io.llmbench.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/** A written attribute with where it was written: the class, the annotation and the value, for errors. */
record Located(WrittenAttribute written, TypeElement element, AnnotationMirror mirror, AnnotationValue value) {

    CompileError error(String message) {
        return new CompileError(message, element, mirror, value);
    }
}
