package io.llmbench.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the dataset file of {@code @LlmBenchmark(dataset = "file:<path>")} is read, named as the command
 * line's options ({@code docs/cli.md}, "Datasets from files"). Every attribute has an "unset" sentinel
 * ({@code ""}, {@link LlmBenchmark#UNSET}); settings resolve per attribute: command line, this class,
 * its superclasses, defaults.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InputFile {

    /**
     * The file's format ({@code --custom-dataset-type}): {@code "single_turn"}, {@code "multi_turn"},
     * {@code "random_pool"}, {@code "mooncake_trace"}, {@code "bailian_trace"}, {@code "burst_gpt_trace"},
     * {@code "sagemaker_data_capture"}, {@code "raw_payload"} or {@code "inputs_json"}. Default: detected
     * from the file.
     */
    String customDatasetType() default "";

    /** Tokens per hash id of a trace ({@code --isl-block-size}). Default: 512 (16 for bailian_trace). */
    int islBlockSize() default LlmBenchmark.UNSET;
}
