package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks each successful profiling response, giving the run an accuracy figure (printed, and exported in {@code response_check.json} and the {@code -rf} result file): {@code public boolean name(String response)} or {@code public boolean name(String response, DatasetEntry entry)}, where {@code response} is the generated text and {@code entry} the dataset entry sent (with its {@code expectedAnswer()}). Called on the processing thread, never on a network thread.
 *
 * <p>A hook method of a {@link LlmBenchmark} class (or of a class it extends); the generated runner
 * calls it directly, without reflection. At most one per class. A wrong signature fails compilation
 * with a message that gives the right one; see {@code docs/annotations.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CheckResponse {
}
