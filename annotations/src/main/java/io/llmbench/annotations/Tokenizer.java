package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tokenizer that counts the tokens of a {@link LlmBenchmark} class's prompts and answers
 * ({@code --tokenizer}). Resolves as every setting: command line, this class, its superclasses, defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tokenizer {

    /**
     * A {@code tokenizer.json} (or its folder) or a Hugging Face model id, e.g.
     * {@code "Qwen/Qwen2.5-0.5B-Instruct"}. Default: {@code ""}, the model's own tokenizer.
     */
    String value() default "";
}
