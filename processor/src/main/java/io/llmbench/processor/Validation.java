package io.llmbench.processor;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one {@code @LlmBenchmark} class: a model when it is valid, otherwise
 * the errors to report. It can also have neither, when javac itself already reports an error in
 * the annotation (a value of the wrong type, say) that the processor must not repeat.
 */
record Validation(Optional<BenchmarkModel> model, List<CompileError> errors) {

    Validation {
        errors = List.copyOf(errors);
        if (model.isPresent() && !errors.isEmpty()) {
            throw new IllegalArgumentException("a class with errors has no model");
        }
    }
}
