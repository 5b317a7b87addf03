package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What every request of a {@link LlmBenchmark} class carries besides its prompt, named as AIPerf's
 * options. The command line adds to the lists (its entries win for the same field or header name)
 * and replaces the timeout. Settings resolve per attribute: command line, this class, its
 * superclasses, defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequestOptions {

    /**
     * Extra top-level fields of every request body ({@code --extra-inputs}), each {@code "key:value"};
     * the value is JSON when it parses ({@code "ignore_eos:true"}, {@code "temperature:0"}), else a
     * string. Default: none.
     */
    String[] extraInputs() default {};

    /** Extra request headers ({@code --header}), each {@code "Name:value"}. Default: none. */
    String[] headers() default {};

    /** Timeout of one whole request in seconds ({@code --request-timeout-seconds}). Default: 600. */
    double timeoutSeconds() default Double.NaN;
}
