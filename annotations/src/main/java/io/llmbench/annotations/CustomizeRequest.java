package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adjusts each request body before it is sent (for example adds {@code ignore_eos}): {@code public void name(ObjectNode body)} or {@code public void name(ObjectNode body, DatasetEntry entry)}, with Jackson's {@code com.fasterxml.jackson.databind.node.ObjectNode}. Called once per dataset entry, before the run starts, so it costs nothing while requests are in flight.
 *
 * <p>A hook method of a {@link LlmBenchmark} class (or of a class it extends); the generated runner
 * calls it directly, without reflection. At most one per class. A wrong signature fails compilation
 * with a message that gives the right one; see {@code docs/annotations.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomizeRequest {
}
