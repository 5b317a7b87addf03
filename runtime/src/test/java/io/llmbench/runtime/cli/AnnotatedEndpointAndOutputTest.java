package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.report.ExportLevel;
import io.llmbench.runtime.run.BenchmarkRunner;
import io.llmbench.runtime.run.RunOutcome;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Endpoint}, {@code @Output} and {@code @Tokenizer} values reach the run, and the command
 * line overrides each of them.
 */
class AnnotatedEndpointAndOutputTest {

    @TempDir
    Path artifacts;

    private static List<RunSpec> resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, null).resolve("b.Bench", annotated, false);
    }

    private RunOutcome run(RunSpec spec) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunOutcome outcome = new BenchmarkRunner(print, print, spec.target().model()).run(spec);
        assertEquals(spec.load().requestCount(), outcome.successfulRequests(), out::toString);
        return outcome;
    }

    private List<Path> filesNamed(String name) throws IOException {
        try (Stream<Path> files = Files.walk(artifacts)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).toList();
        }
    }

    @Test
    void annotatedUrlsAreTakenInTurnAndAnnotatedModelsToo() throws Exception {
        try (RecordingChatServer first = new RecordingChatServer();
                RecordingChatServer second = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder()
                    .urls(first.url(), second.url().replace("http://", ""))
                    .model("a", "b")
                    .requestCount(4)
                    .artifactDir(artifacts.toString())
                    .build();
            run(resolve(annotated).get(0));
            assertEquals(2, first.received().size(), "every other request goes to the first server");
            assertEquals(2, second.received().size(), "a bare host:port is a server too");
            List<String> models = Stream.concat(first.received().stream(), second.received().stream())
                    .map(RecordingChatServer.Received::model).sorted().toList();
            assertEquals(List.of("a", "a", "b", "b"), models, "round robin over the annotated models");
        }
    }

    @Test
    void commandLineUrlAndModelReplaceTheAnnotatedLists() throws Exception {
        try (RecordingChatServer first = new RecordingChatServer();
                RecordingChatServer second = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder()
                    .urls(first.url(), second.url()).model("a", "b").customEndpoint("/v1/annotated")
                    .requestCount(3).artifactDir(artifacts.toString()).build();
            run(resolve(annotated, "--url", second.url(), "--model", "c", "--custom-endpoint", "/v1/cli").get(0));
            assertEquals(0, first.received().size());
            assertEquals(List.of(new RecordingChatServer.Received("/v1/cli", "c"),
                    new RecordingChatServer.Received("/v1/cli", "c"),
                    new RecordingChatServer.Received("/v1/cli", "c")), second.received());
        }
    }

    @Test
    void annotatedCustomEndpointIsThePathEveryRequestGoesTo() throws Exception {
        try (RecordingChatServer server = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder().urls(server.url()).model("m")
                    .customEndpoint("v1/annotated").requestCount(2).artifactDir(artifacts.toString()).build();
            run(resolve(annotated).get(0));
            assertEquals("/v1/annotated", server.received().get(0).path());
        }
    }

    @Test
    void exportLevelSummaryWritesNoRecordsFileAndTheCommandLineOverridesIt() throws Exception {
        try (RecordingChatServer server = new RecordingChatServer()) {
            AnnotatedSettings annotated = AnnotatedSettings.builder().urls(server.url()).model("m")
                    .exportLevel("summary").requestCount(2).artifactDir(artifacts.resolve("a").toString()).build();
            run(resolve(annotated).get(0));
            assertEquals(List.of(), filesNamed("profile_export.jsonl"), "summary: no per-request file");
            assertEquals(1, filesNamed("profile_export_llmbench.json").size(), "the summary is still written");
            run(resolve(annotated, "--export-level", "records").get(0));
            assertEquals(1, filesNamed("profile_export.jsonl").size(), "--export-level records wins");
        }
    }

    @Test
    void annotatedOutputSettingsApplyWhereTheCommandLineIsSilent() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().exportLevel("raw").sliceDuration(2.5)
                .plots(true).artifactDir("nightly").tokenizer("tok/one").build();
        RunSpec spec = resolve(annotated, "--model", "m").get(0);
        assertEquals(ExportLevel.RAW, spec.output().exportLevel());
        assertEquals(2.5, spec.output().sliceDurationSeconds());
        assertTrue(spec.output().plots());
        assertEquals(Path.of("nightly"), spec.artifactDir());
        assertEquals("tok/one", spec.input().tokenizer());

        RunSpec cli = resolve(annotated, "--model", "m", "--export-level", "summary", "--slice-duration", "1",
                "--artifact-dir", "other", "--tokenizer", "tok/two", "--quiet").get(0);
        assertEquals(ExportLevel.SUMMARY, cli.output().exportLevel());
        assertEquals(1.0, cli.output().sliceDurationSeconds());
        assertTrue(cli.output().plots(), "the command line has no way to turn plots off");
        assertEquals(Path.of("other"), cli.artifactDir());
        assertEquals("tok/two", cli.input().tokenizer());

        RunSpec defaults = resolve(AnnotatedSettings.unset(), "--model", "m").get(0);
        assertEquals(ExportLevel.RECORDS, defaults.output().exportLevel());
        assertFalse(defaults.output().slices());
        assertFalse(defaults.output().plots());
        assertEquals(SettingsResolver.DEFAULT_ARTIFACT_DIR, defaults.artifactDir());
        assertNull(defaults.input().tokenizer());
    }

    @Test
    void annotatedEndpointSettingsApplyWhereTheCommandLineIsSilent() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().endpointType(EndpointType.TEMPLATE)
                .urls("gpu1:8000", "https://gpu2/v1").model("a", "b").modelSelectionStrategy("random")
                .templateBody("{\"q\": {{text}}}").responseField("out.text").http2(true).insecure(true)
                .useServerTokenCount(true).build();
        RunSpec spec = resolve(annotated).get(0);
        EndpointSettings endpoint = spec.target().endpoint();
        assertEquals(URI.create("http://gpu1:8000"), spec.target().url());
        assertEquals(List.of(URI.create("https://gpu2/v1")), endpoint.extraUrls());
        assertEquals(List.of("a", "b"), spec.target().models());
        assertEquals(EndpointSettings.RANDOM, endpoint.modelSelection());
        assertEquals("{\"q\": {{text}}}", endpoint.template());
        assertEquals("out.text", endpoint.responseField());
        assertTrue(endpoint.http2());
        assertTrue(endpoint.insecure());
        assertTrue(endpoint.useServerTokenCount());
        assertFalse(resolve(AnnotatedSettings.builder().model("m").build()).get(0).target().endpoint().useServerTokenCount());
        assertTrue(resolve(AnnotatedSettings.builder().model("m").build(), "--use-server-token-count").get(0).target().endpoint()
                .useServerTokenCount());

        EndpointSettings cli = resolve(annotated, "--model-selection-strategy", "round_robin",
                "--template-body", "{\"p\": {{text}}}", "--response-field", "p").get(0).target().endpoint();
        assertEquals(EndpointSettings.ROUND_ROBIN, cli.modelSelection());
        assertEquals("{\"p\": {{text}}}", cli.template());
        assertEquals("p", cli.responseField());

        RunSpec mock = new SettingsResolver(CliParser.parse(new String[] {"--mock"}).settings(),
                "http://127.0.0.1:1234", "mock-model").resolve("b.Bench", annotated, false).get(0);
        assertEquals(URI.create("http://127.0.0.1:1234"), mock.target().url(), "--mock replaces the servers");
        assertEquals(List.of(), mock.target().endpoint().extraUrls());
    }

    @Test
    void annotatedTemplateFileIsReadWhenTheBenchmarkResolves() throws Exception {
        Path file = Files.writeString(artifacts.resolve("body.json"), "{\"prompt\": {{text}}}");
        AnnotatedSettings annotated = AnnotatedSettings.builder().endpointType(EndpointType.TEMPLATE)
                .templateBody(file.toString()).build();
        assertEquals("{\"prompt\": {{text}}}", resolve(annotated, "--model", "m").get(0).target().endpoint().template());
        AnnotatedSettings missing = AnnotatedSettings.builder().endpointType(EndpointType.TEMPLATE)
                .templateBody(artifacts.resolve("absent.json").toString()).build();
        UserInputException e = assertThrows(UserInputException.class, () -> resolve(missing, "--model", "m"));
        assertTrue(e.getMessage().startsWith("@Endpoint(templateBody = "), e.getMessage());
    }
}
