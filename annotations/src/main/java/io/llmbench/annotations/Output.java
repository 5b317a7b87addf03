package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the runs of a {@link LlmBenchmark} class write, named as the command line's output options
 * ({@code docs/cli.md}, "Results"). Every attribute has an "unset" sentinel (an empty string or array,
 * {@code NaN}); settings resolve per attribute: command line, this class, its superclasses, defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Output {

    /** {@code "summary"}, {@code "records"} or {@code "raw"} ({@code --export-level}). Default: records. */
    String exportLevel() default "";

    /** Also export the metrics of windows of this many seconds ({@code --slice-duration}). Default: none. */
    double sliceDuration() default Double.NaN;

    /** Also write PNG plots and {@code report.html} ({@code --plots}); one value. Default: false. */
    boolean[] plots() default {};

    /** Root folder of the exports, relative to the working directory ({@code --artifact-dir}). Default: artifacts. */
    String artifactDir() default "";
}
