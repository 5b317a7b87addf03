package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs once after each run of the benchmark (each sweep point), also when the run failed: {@code public void name()}.
 *
 * <p>A hook method of a {@link LlmBenchmark} class (or of a class it extends); the generated runner
 * calls it directly, without reflection. At most one per class. A wrong signature fails compilation
 * with a message that gives the right one; see {@code docs/annotations.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TearDown {
}
