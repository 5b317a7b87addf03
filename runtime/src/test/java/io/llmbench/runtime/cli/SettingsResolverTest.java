package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {

    private static List<RunSpec> resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, null).resolve("b.Bench", annotated, true);
    }

    @Test
    void commandLineBeatsAnnotationBeatsDefaultPerAttribute() {
        AnnotatedSettings annotated = AnnotatedSettings.builder()
                .model("annotated-model").concurrency(4).requestCount(7).endpointType(EndpointType.COMPLETIONS)
                .build();
        RunSpec spec = resolve(annotated, "--request-count", "9").get(0);
        assertEquals("annotated-model", spec.target().model());
        assertEquals(4, spec.load().concurrency());
        assertEquals(9, spec.load().requestCount());
        assertEquals(EndpointType.COMPLETIONS, spec.target().endpointType());
        assertEquals(550, spec.input().inputTokensMean());
        assertEquals("synthetic", spec.input().dataset());
        assertEquals("http://localhost:8000", spec.target().url().toString());
        assertEquals(java.time.Duration.ofSeconds(600), spec.target().requestTimeout(), "AIPerf's default");
        RunSpec cli = resolve(annotated, "--model", "cli-model", "--concurrency", "2").get(0);
        assertEquals("cli-model", cli.target().model());
        assertEquals(2, cli.load().concurrency());
        assertEquals(7, cli.load().requestCount());
    }

    @Test
    void requestCountDefaultsToTenPerConcurrentRequest() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m").concurrency(1, 4).build();
        List<RunSpec> specs = resolve(annotated);
        assertEquals(10, specs.get(0).load().requestCount());
        assertEquals(40, specs.get(1).load().requestCount());
    }

    @Test
    void listsSweepTheCartesianProduct() {
        AnnotatedSettings annotated = AnnotatedSettings.builder()
                .model("m").concurrency(1, 4, 16).streaming(true, false).outputTokens(64).build();
        List<RunSpec> specs = resolve(annotated);
        assertEquals(6, specs.size());
        assertEquals(Map.of("concurrency", "1", "streaming", "true"), specs.get(0).point());
        assertEquals(Map.of("concurrency", "16", "streaming", "false"), specs.get(5).point());
        assertEquals(64, specs.get(5).input().outputTokens());
        assertEquals(List.of("concurrency", "streaming"), List.copyOf(specs.get(0).point().keySet()));
    }

    @Test
    void commandLineListReplacesAnnotationList() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m").concurrency(1, 4, 16).build();
        List<RunSpec> specs = resolve(annotated, "--concurrency", "8");
        assertEquals(1, specs.size());
        assertEquals(8, specs.get(0).load().concurrency());
        assertTrue(specs.get(0).point().isEmpty());
    }

    @Test
    void streamingDefaultDependsOnTheCaller() {
        CliSettings cli = CliParser.parse(new String[] {"--model", "m"}).settings();
        assertTrue(new SettingsResolver(cli, null, null)
                .resolve("b", AnnotatedSettings.unset(), true).get(0).target().streaming());
        assertFalse(new SettingsResolver(cli, null, null)
                .resolve("profile", AnnotatedSettings.unset(), false).get(0).target().streaming());
    }

    @Test
    void aModelIsRequiredUnlessAFallbackExists() {
        String message = assertThrows(UserInputException.class, () -> resolve(AnnotatedSettings.unset())).getMessage();
        assertTrue(message.contains("--model") && message.contains("--mock"), message);
        RunSpec mock = new SettingsResolver(CliParser.parse(new String[0]).settings(), "http://127.0.0.1:5", "mock")
                .resolve("b", AnnotatedSettings.unset(), true).get(0);
        assertEquals("mock", mock.target().model());
        assertEquals("http://127.0.0.1:5", mock.target().url().toString());
    }

    @Test
    void syntheticInputSettingsResolveCommandLineFirstThenAnnotation() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m").dataset("synthetic-vision")
                .datasetEntries(7).imageWidthMean(64).imageHeightMean(32).imageFormat("jpeg").build();
        RunSpec spec = resolve(annotated, "--image-height-mean", "48").get(0);
        assertEquals(7, spec.input().datasetEntries());
        assertEquals(64, spec.input().imageWidthMean());
        assertEquals(48, spec.input().imageHeightMean());
        assertEquals("jpeg", spec.input().imageFormat());
    }

    @Test
    void commandLineAddsToAnnotatedRequestOptionsAndWinsPerName() {
        AnnotatedSettings annotated = AnnotatedSettings.builder().model("m")
                .extraInputs("ignore_eos:true", "temperature:0").headers("X-Tenant:a").requestTimeoutSeconds(2.5)
                .build();
        RunSpec spec = resolve(annotated, "--extra-inputs", "temperature:0.7", "-H", "X-Trace:1").get(0);
        assertEquals(Map.of("ignore_eos", "true", "temperature", "0.7"), spec.target().extraInputs());
        assertEquals(Map.of("X-Tenant", "a", "X-Trace", "1"), spec.target().headers());
        assertEquals(java.time.Duration.ofMillis(2500), spec.target().requestTimeout());
        assertEquals(java.time.Duration.ofSeconds(9),
                resolve(annotated, "--request-timeout-seconds", "9").get(0).target().requestTimeout());
    }
}
