package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a public (Hugging Face Hub) dataset named by {@link LlmBenchmark#dataset()} is read, named as
 * the command line's options ({@code docs/cli.md}, "Public datasets"). Every attribute has an "unset"
 * sentinel (an empty string or array); settings resolve per attribute: command line, this class, its
 * superclasses, defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicDataset {

    /**
     * Order of the rows ({@code --dataset-sampling-strategy}): {@code "sequential"}, {@code "random"}
     * (with replacement) or {@code "shuffle"}. Default: sequential.
     */
    String samplingStrategy() default "";

    /**
     * Never contact the Hub: use cached dataset and tokenizer files only ({@code --offline}); one value.
     * Default: false.
     */
    boolean[] offline() default {};
}
