package io.llmbench.runtime.cli;

import static io.llmbench.runtime.cli.AnnotatedRuns.resolve;
import static io.llmbench.runtime.cli.AnnotatedRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.llmbench.annotations.Datasets;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @LlmBenchmark(prompts)}: the inline dataset from the annotation, and the command line over it. */
class AnnotatedPromptsTest {

    @TempDir
    Path artifacts;

    @Test
    void annotatedPromptsAreSentAsWrittenInOrderAndTheCommandLineWinsOverThem() throws Exception {
        try (RecordingChatServer server = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder().urls(server.url()).model("m").requestCount(3)
                    .prompts("What is 2+2?", "Name a colour.").artifactDir(artifacts.toString()).build();
            RunSpec spec = resolve(annotated);
            assertEquals("inline", spec.input().dataset());
            run(spec);
            assertEquals(List.of("What is 2+2?", "Name a colour.", "What is 2+2?"), sent(server, 0, 3),
                    "as written, in order, starting over when the run asks for more");

            run(resolve(annotated, "--prompt", "From the command line."));
            assertEquals(List.of("From the command line.", "From the command line.", "From the command line."),
                    sent(server, 3, 6), "--prompt replaces the annotated prompts");
            assertEquals(Datasets.SYNTHETIC, resolve(annotated, "--public-dataset", "synthetic").input().dataset(),
                    "a dataset named on the command line replaces them too");
        }
    }

    private static List<String> sent(RecordingChatServer server, int from, int to) {
        return server.bodies().subList(from, to).stream()
                .map(body -> body.path("messages").path(0).path("content").asText()).toList();
    }

}
