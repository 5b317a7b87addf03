package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.InputSpec;
import io.llmbench.runtime.spec.SynthesisSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputFileAndSynthesisOptionsTest {

    private static InputSpec input(String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m")
                .resolve("b", AnnotatedSettings.unset(), true).get(0).input();
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> CliParser.parse(args)).getMessage();
    }

    @Test
    void inputFileWithItsTypeAndBlockSizeReachTheInputSpec() {
        InputSpec spec = input("--input-file", "trace.jsonl", "--custom-dataset-type", "Mooncake_Trace",
                "--isl-block-size", "64");

        assertEquals("file:trace.jsonl", spec.dataset());
        assertEquals("mooncake_trace", spec.customDatasetType());
        assertEquals(64, spec.synthesis().islBlockSize());
    }

    @Test
    void promptsSelectTheInlineDataset() {
        InputSpec spec = input("--prompt", "Hello there", "--prompt", "Bye");

        assertEquals("inline", spec.dataset());
        assertEquals(List.of("Hello there", "Bye"), spec.inlinePrompts());
    }

    @Test
    void synthesisOptionsAndTheirAliasesReachTheSynthesisSpec() {
        SynthesisSpec s = input("--output-tokens-stddev", "12", "--seq-dist", "128,64:50;256,32:50",
                "--num-prefix-prompts", "4", "--prefix-prompt-length", "100", "--shared-system-prompt-length", "30",
                "--user-context-prompt-length", "20", "--image-width-stddev", "8", "--image-batch-size", "3",
                "--audio-length-mean", "2.5", "--audio-sample-rates", "8,44.1", "--audio-depths", "16,24",
                "--audio-num-channels", "2").synthesis();

        assertEquals(new SynthesisSpec(12, "128,64:50;256,32:50", 0, 4, 100, 30, 20, 8, 0, 3, 2.5, 0, "wav",
                List.of(8.0, 44.1), List.of(16, 24), 2, 1), s);
        assertEquals(SynthesisSpec.defaults(), input().synthesis());
    }

    @Test
    void aiperfsOtherNamesOfTheLengthAndPrefixOptionsAreAccepted() {
        InputSpec spec = input("--isl", "300", "--isl-stddev", "25", "--prompt-output-tokens-stddev", "7",
                "--prompt-prefix-pool-size", "3", "--prompt-prefix-length", "40",
                "--synthetic-input-tokens-block-size", "32");

        assertEquals(25, spec.inputTokensStddev());
        assertEquals(7, spec.synthesis().outputTokensStddev());
        assertEquals(3, spec.synthesis().numPrefixPrompts());
        assertEquals(40, spec.synthesis().prefixPromptLength());
        assertEquals(32, spec.synthesis().islBlockSize());
        assertEquals(2, input("--prefix-prompt-pool-size", "2", "--prefix-prompt-length", "9").synthesis()
                .numPrefixPrompts());
        assertEquals(16, input("--prompt-input-tokens-block-size", "16").synthesis().islBlockSize());
        assertTrue(error("--isl-stddev", "1", "--synthetic-input-tokens-stddev", "2").contains("same option"));
        assertTrue(error("--num-prefix-prompts", "1", "--prompt-prefix-pool-size", "2").contains("same option"));
    }

    @Test
    void imageFormatRandomIsAccepted() {
        assertEquals("random", input("--image-format", "random").imageFormat());
    }

    @Test
    void badValuesAreRefusedWithTheOptionAndTheFix() {
        assertTrue(error("--custom-dataset-type", "csv").contains("use one of single_turn, multi_turn"));
        assertTrue(error("--seq-dist", "128,64").contains("is not ISL,OSL:PCT"));
        assertTrue(error("--osl-stddev", "1", "--output-tokens-stddev", "2").contains("same option"));
        assertTrue(error("--audio-format", "ogg").contains("use wav"));
        assertTrue(error("--audio-depths", "12").contains("use 8, 16, 24 or 32"));
        assertTrue(error("--isl-block-size", "0").contains("≥ 1"));
        assertTrue(error("--prompt", "hi", "--input-file", "a.jsonl").contains("cannot be combined"));
    }
}
