package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.AnnotatedRuns.resolve;
import static io.llmbench.runtime.cli.AnnotatedRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.BatchSpec;
import io.llmbench.runtime.spec.PublicDatasetSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Batch} and {@code @PublicDataset} values reach the run, and the command line overrides each. */
class AnnotatedBatchTest {

    @TempDir
    Path artifacts;

    @Test
    void annotatedRankingsShapeAppliesWhereTheCommandLineIsSilent() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m").endpointType(EndpointType.NIM_RANKINGS)
                .rankingsPassagesMean(4).rankingsPassagesStddev(1).rankingsPassageTokensMean(64)
                .rankingsPassageTokensStddev(2).rankingsQueryTokensMean(16).rankingsQueryTokensStddev(3).build();
        assertEquals(new BatchSpec(1, true, 4, 1, 64, 2, 16, 3), resolve(annotated).input().batches());
        assertEquals(new BatchSpec(1, true, 2, 1, 64, 2, 8, 3),
                resolve(annotated, "--rankings-passages-mean", "2", "--rankings-query-prompt-token-mean", "8")
                        .input().batches());
        UserInputException e = assertThrows(UserInputException.class,
                () -> resolve(annotated, "--endpoint-type", "chat"));
        assertTrue(e.getMessage().startsWith("@Batch(rankings*) applies to the rankings endpoint types"),
                e.getMessage());
    }

    @Test
    void annotatedPromptBatchSizeSendsThatManyTextsPerEmbeddingsRequest() throws Exception {
        try (RecordingChatServer server = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder().urls(server.url()).model("m")
                    .endpointType(EndpointType.EMBEDDINGS).promptBatchSize(3).inputTokensMean(8).requestCount(2)
                    .artifactDir(artifacts.toString()).build();
            run(resolve(annotated));
            assertEquals(3, server.bodies().get(0).path("input").size());
            run(resolve(annotated, "-b", "2"));
            assertEquals(2, server.bodies().get(2).path("input").size(), "-b wins over the annotation");
        }
    }

    @Test
    void annotatedPublicDatasetSettingsApplyAndTheCommandLineWins() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m").samplingStrategy("shuffle")
                .offline(true).build();
        PublicDatasetSpec spec = resolve(annotated).input().publicDataset();
        assertEquals("shuffle", spec.samplingStrategy());
        assertTrue(spec.offline());
        assertEquals("random", resolve(annotated, "--dataset-sampling-strategy", "random").input().publicDataset()
                .samplingStrategy());
        PublicDatasetSpec defaults = resolve(AnnotatedSettings.builder().model("m").build()).input().publicDataset();
        assertEquals("sequential", defaults.samplingStrategy());
        assertFalse(defaults.offline());
    }

}
