package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.report.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMH's selection and result options as parsed from a command line. */
class SelectionOptionsTest {

    private static SelectionCli parse(String... args) {
        return CliParser.parse(args).settings().selection();
    }

    @Test
    void resultFileAloneTakesItsFormatFromTheExtension() {
        SelectionCli selection = parse("-rff", "out/all.csv");
        assertEquals(ResultFormat.CSV, selection.resultFormat());
        assertEquals(Path.of("out/all.csv"), selection.resultFile());
    }

    @Test
    void unknownResultFormatIsOneLineNamingTheFormats() {
        UserInputException e = assertThrows(UserInputException.class, () -> parse("-rf", "xml"));
        assertEquals("-rf 'xml' is not a result format: use json or csv", e.getMessage());
        e = assertThrows(UserInputException.class, () -> parse("-rff", "results.txt"));
        assertTrue(e.getMessage().contains("add -rf json or -rf csv"), e.getMessage());
    }

    @Test
    void parametersAreCheckedAndNormalised() {
        SelectionCli selection = parse("-p", "concurrency=1, 8", "-p", "streaming=TRUE,false", "-e", "Vision");
        assertEquals(List.of("1", "8"), selection.parameters().get(SweepParameter.CONCURRENCY));
        assertEquals(List.of("true", "false"), selection.parameters().get(SweepParameter.STREAMING));
        assertEquals(List.of("Vision"), selection.excludes());
        assertThrows(UserInputException.class, () -> parse("-p", "concurrency=0"));
        assertThrows(UserInputException.class, () -> parse("-p", "concurrency=1,1"));
        assertThrows(UserInputException.class, () -> parse("-p", "streaming=yes"));
        assertThrows(UserInputException.class, () -> parse("-p", "concurrency"));
        assertThrows(UserInputException.class, () -> parse("-p", "concurrency=1", "-p", "concurrency=2"));
    }

    @Test
    void parameterOverridesTheAnnotatedSweep() {
        io.llmbench.runtime.spec.AnnotatedSettings annotated = io.llmbench.runtime.spec.AnnotatedSettings.builder()
                .model("m").concurrency(1, 4, 16).outputTokens(8).build();
        List<io.llmbench.runtime.spec.RunSpec> specs = new SettingsResolver(
                CliParser.parse(new String[] {"-p", "concurrency=2,3", "-p", "outputTokens=5,6"}).settings(), null, null)
                .resolve("b.Bench", annotated, true);
        assertEquals(4, specs.size());
        assertEquals(java.util.Map.of("concurrency", "3", "outputTokens", "6"), specs.get(3).point());
        assertEquals(6, specs.get(3).input().outputTokens());
    }
}
