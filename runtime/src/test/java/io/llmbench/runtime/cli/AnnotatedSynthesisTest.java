package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.AnnotatedRuns.resolve;
import static io.llmbench.runtime.cli.AnnotatedRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.SynthesisSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @SyntheticInput}'s shaping attributes reach the run, and the command line overrides each. */
class AnnotatedSynthesisTest {

    @TempDir
    Path artifacts;

    private static final AnnotatedSettings SHAPED = AnnotatedSettings.builder()
            .outputTokensStddev(3).sequenceDistribution("128,64:60;1024,256:40").numPrefixPrompts(2)
            .prefixPromptLength(16).sharedSystemPromptLength(20).userContextPromptLength(8)
            .imageWidthStddev(5).imageHeightStddev(6).imageBatchSize(2).audioLengthMean(1.5)
            .audioLengthStddev(0.5).audioFormat("wav").audioSampleRates(16, 44.1).audioDepths(16, 24)
            .audioNumChannels(2).audioBatchSize(3).build();

    @Test
    void everyAnnotatedShapeSettingAppliesWhereTheCommandLineIsSilent() {
        SynthesisSpec spec = resolve(SHAPED, "--model", "m").input().synthesis();
        assertEquals(new SynthesisSpec(3, "128,64:60;1024,256:40", 0, 2, 16, 20, 8, 5, 6, 2, 1.5, 0.5, "wav",
                List.of(16.0, 44.1), List.of(16, 24), 2, 3), spec);
    }

    @Test
    void theCommandLineOverridesEachShapeSetting() {
        SynthesisSpec spec = resolve(SHAPED, "--model", "m", "--osl-stddev", "0", "--seq-dist", "10,10:100",
                "--num-prefix-prompts", "1", "--prefix-prompt-length", "4", "--shared-system-prompt-length", "0",
                "--user-context-prompt-length", "0", "--image-width-stddev", "0", "--image-height-stddev", "0",
                "--image-batch-size", "1", "--audio-length-mean", "0", "--audio-length-stddev", "0",
                "--audio-sample-rates", "8", "--audio-depths", "8", "--audio-num-channels", "1",
                "--audio-batch-size", "1").input().synthesis();
        assertEquals(new SynthesisSpec(0, "10,10:100", 0, 1, 4, 0, 0, 0, 0, 1, 0, 0, "wav", List.of(8.0), List.of(8),
                1, 1), spec);
        assertEquals(SynthesisSpec.defaults(), resolve(AnnotatedSettings.unset(), "--model", "m").input().synthesis());
    }

    @Test
    void anAnnotatedSharedSystemPromptStartsEveryRequestAsItsSystemMessage() throws Exception {
        try (RecordingChatServer server = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder().urls(server.url()).model("m").requestCount(2)
                    .sharedSystemPromptLength(20).inputTokensMean(10).artifactDir(artifacts.toString()).build();
            run(resolve(annotated));
            for (int request = 0; request < 2; request++) {
                assertEquals("system", server.bodies().get(request).path("messages").path(0).path("role").asText());
                assertEquals("user", server.bodies().get(request).path("messages").path(1).path("role").asText());
            }
            String first = userText(server, 0);
            assertFalse(first.isBlank(), first);
            assertEquals(first, userText(server, 1), "every request starts with the one shared system prompt");
            run(resolve(annotated, "--shared-system-prompt-length", "0"));
            assertEquals(1, server.bodies().get(2).path("messages").size(), "--shared-system-prompt-length 0 drops it");
        }
    }

    private static String userText(RecordingChatServer server, int request) {
        return server.bodies().get(request).path("messages").path(0).path("content").asText();
    }

}
