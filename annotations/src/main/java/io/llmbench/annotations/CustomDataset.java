package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Supplies the benchmark's dataset instead of the {@code dataset} attribute: {@code public List<DatasetEntry> name()} (from {@code io.llmbench.runtime.dataset}) or {@code public List<String> name()} (one prompt per entry). Called once per run, after {@link Setup}.
 *
 * <p>A hook method of a {@link LlmBenchmark} class (or of a class it extends); the generated runner
 * calls it directly, without reflection. At most one per class. A wrong signature fails compilation
 * with a message that gives the right one; see {@code docs/annotations.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomDataset {
}
