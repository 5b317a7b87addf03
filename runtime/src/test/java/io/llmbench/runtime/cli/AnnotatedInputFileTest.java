package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.InputSpec;
import org.junit.jupiter.api.Test;

/** {@code @InputFile} values reach the run's input, and the command line overrides each. */
class AnnotatedInputFileTest {

    private static InputSpec resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m")
                .resolve("b.Bench", annotated, true).get(0).input();
    }

    @Test
    void annotatedFormatAndBlockSizeApplyAndTheCommandLineWins() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().dataset("file:t.jsonl")
                .customDatasetType("mooncake_trace").islBlockSize(64).build();
        InputSpec input = resolve(annotated);
        assertEquals("mooncake_trace", input.customDatasetType());
        assertEquals(64, input.synthesis().islBlockSize());
        InputSpec cli = resolve(annotated, "--custom-dataset-type", "bailian_trace", "--isl-block-size", "16");
        assertEquals("bailian_trace", cli.customDatasetType());
        assertEquals(16, cli.synthesis().islBlockSize());
        InputSpec unset = resolve(AnnotatedSettings.builder().dataset("file:t.jsonl").build());
        assertNull(unset.customDatasetType());
        assertEquals(0, unset.synthesis().islBlockSize(), "0: the format's own default");
    }
}
