package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.RunSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code -p} overrides every list: the request-rate sweep (decimals) and the servers and models (text). */
class ListParameterOverrideTest {

    private static List<RunSpec> resolve(AnnotatedSettings annotated, String... args) {
        return new SettingsResolver(CliParser.parse(args).settings(), null, "m").resolve("b.Bench", annotated, true);
    }

    private static final AnnotatedSettings ANNOTATED = AnnotatedSettings.builder().requestRate(1, 2)
            .urls("gpu1:8000", "gpu2:8000").model("a", "b").build();

    @Test
    void pRequestRateReplacesTheAnnotatedRateSweepWithDecimals() {
        List<RunSpec> points = resolve(ANNOTATED, "-p", "requestRate=2.5,5");
        assertEquals(2, points.size());
        assertEquals(Map.of("requestRate", "2.5"), points.get(0).point());
        assertEquals(2.5, points.get(0).load().profiling().requestRate());
        assertEquals(Map.of("requestRate", "5"), points.get(1).point());
        assertEquals(5, points.get(1).load().profiling().requestRate());
        assertEquals(2, resolve(AnnotatedSettings.unset(), "-p", "requestRate=3,4").size(), "also without @Load");
    }

    @Test
    void pRequestRateRefusesNonPositiveValuesAndTheOptionBeside() {
        UserInputException zero = assertThrows(UserInputException.class,
                () -> resolve(ANNOTATED, "-p", "requestRate=2,0"));
        assertEquals("-p requestRate value '0' must be a number > 0, e.g. 2.5", zero.getMessage());
        UserInputException both = assertThrows(UserInputException.class,
                () -> resolve(ANNOTATED, "-p", "requestRate=2", "--request-rate", "3"));
        assertTrue(both.getMessage().contains("contradict"), both.getMessage());
    }

    @Test
    void pUrlsAndModelsReplaceTheAnnotatedLists() {
        RunSpec spec = resolve(ANNOTATED, "-p", "urls=h1:1,https://h2/v1", "-p", "models=x,y,z").get(0);
        assertEquals(URI.create("http://h1:1"), spec.target().url());
        assertEquals(List.of(URI.create("https://h2/v1")), spec.target().endpoint().extraUrls());
        assertEquals(List.of("x", "y", "z"), spec.target().models());
        RunSpec annotated = resolve(ANNOTATED).get(0);
        assertEquals(URI.create("http://gpu1:8000"), annotated.target().url());
        assertEquals(List.of("a", "b"), annotated.target().models());
    }

    @Test
    void pUrlsAndModelsRefuseBadValuesAndTheirOptionsBeside() {
        assertThrows(UserInputException.class, () -> resolve(ANNOTATED, "-p", "models=x", "--model", "y"));
        assertThrows(UserInputException.class, () -> resolve(ANNOTATED, "-p", "urls=h:1", "--url", "h:2"));
        UserInputException url = assertThrows(UserInputException.class,
                () -> CliParser.parse(new String[] {"-p", "urls=ftp://h:1"}));
        assertTrue(url.getMessage().startsWith("-p urls value 'ftp://h:1' is not a server address"), url.getMessage());
        assertThrows(UserInputException.class, () -> CliParser.parse(new String[] {"-p", "models=a,,b"}));
    }

    @Test
    void pAudioListsReplaceTheAnnotatedOnesAndRefuseOtherDepths() {
        AnnotatedSettings audio = AnnotatedSettings.builder().audioLengthMean(1).audioSampleRates(16)
                .audioDepths(16).build();
        RunSpec spec = resolve(audio, "-p", "audioSampleRates=8,44.1", "-p", "audioDepths=24,32").get(0);
        assertEquals(List.of(8.0, 44.1), spec.input().synthesis().audioSampleRatesKhz());
        assertEquals(List.of(24, 32), spec.input().synthesis().audioDepths());
        assertEquals(List.of(16), resolve(audio).get(0).input().synthesis().audioDepths());
        UserInputException depth = assertThrows(UserInputException.class,
                () -> CliParser.parse(new String[] {"-p", "audioDepths=12"}));
        assertEquals("-p audioDepths value '12' must be 8, 16, 24 or 32", depth.getMessage());
        assertThrows(UserInputException.class,
                () -> resolve(audio, "-p", "audioDepths=8", "--audio-depths", "16"));
    }
}
