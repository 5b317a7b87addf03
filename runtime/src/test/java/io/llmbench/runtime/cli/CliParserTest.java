package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.UserInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliParserTest {

    private static Invocation parse(String... args) {
        return CliParser.parse(args);
    }

    private static String error(String... args) {
        return assertThrows(UserInputException.class, () -> parse(args)).getMessage();
    }

    @Test
    void bareHostPortMeansHttp() {
        assertEquals("http://127.0.0.1:8000", parse("--url", "127.0.0.1:8000").settings().url());
        assertEquals("https://api.example.com", parse("--url", "https://api.example.com/").settings().url());
    }

    @Test
    void urlKeepsABasePathButNoQuery() {
        assertEquals("https://gw.example.com/openai/v1", parse("--url", "https://gw.example.com/openai/v1/")
                .settings().url());
        String message = error("--url", "localhost:8000/v1?x=1");
        assertTrue(message.contains("query") && message.contains("--endpoint-type"), message);
    }

    @Test
    void urlThatIsNoAddressIsRejected() {
        assertTrue(error("--url", "ftp://x:1").contains("is not a server address"));
    }

    @Test
    void abbreviatedOptionsAreErrorsNotGuesses() {
        String message = error("--stream");
        assertTrue(message.contains("--stream") && message.contains("-h"), message);
    }

    @Test
    void unknownOptionIsOneLine() {
        String message = error("--no-such-option");
        assertTrue(message.contains("no-such-option") && !message.contains("\n"), message);
    }

    @Test
    void firstPositionalWordMayBeACommand() {
        Invocation profile = parse("profile", "--model", "m");
        assertEquals(Invocation.Command.PROFILE, profile.command());
        assertEquals(List.of(), profile.regexes());
        Invocation run = parse("Chat", "Vision");
        assertEquals(Invocation.Command.RUN, run.command());
        assertEquals(List.of("Chat", "Vision"), run.regexes());
        assertEquals(Invocation.Command.MOCK_SERVER, parse("mock-server", "--port", "0").command());
    }

    @Test
    void concurrencyListIsASweep() {
        assertArrayEquals(new int[] {1, 4, 16}, parse("--concurrency", "1,4,16").settings().concurrency());
        assertArrayEquals(new int[0], parse().settings().concurrency());
    }

    @Test
    void badNumbersNameTheOptionAndValue() {
        assertTrue(error("--concurrency", "0").contains("--concurrency '0'"));
        assertTrue(error("--concurrency", "two").contains("whole number"));
        assertTrue(error("--concurrency", "4,4").contains("twice"));
        assertTrue(error("--request-count", "0").contains("≥ 1"));
        assertTrue(error("--warmup-request-count", "-1").contains("≥ 0"));
        assertTrue(error("--request-timeout-seconds", "0").contains("> 0"));
        assertTrue(error("--port", "70000").contains("65535"));
    }

    @Test
    void aliasesAreOneSetting() {
        assertArrayEquals(new int[] {64}, parse("--osl", "64").settings().outputTokens());
        assertArrayEquals(new int[] {128}, parse("--output-tokens-mean", "128").settings().outputTokens());
        assertArrayEquals(new int[] {100}, parse("--isl", "100").settings().inputTokensMean());
        assertTrue(error("--osl", "1", "--output-tokens-mean", "2").contains("same option"));
    }

    @Test
    void contradictionsAreRejected() {
        assertTrue(error("--streaming", "--no-streaming").contains("contradict"));
        assertTrue(error("--mock", "--url", "localhost:1").contains("--mock"));
    }

    @Test
    void streamingIsTriState() {
        assertEquals(Boolean.TRUE, parse("--streaming").settings().streaming());
        assertEquals(Boolean.FALSE, parse("--no-streaming").settings().streaming());
        assertNull(parse().settings().streaming());
    }

    @Test
    void endpointTypeByCliName() {
        assertEquals(EndpointType.COMPLETIONS, parse("--endpoint-type", "completions").settings().endpointType());
        assertEquals(EndpointType.HUGGINGFACE_GENERATE,
                parse("--endpoint-type", "huggingface_generate").settings().endpointType());
        assertTrue(error("--endpoint-type", "embedding").contains("[chat, completions, embeddings, nim_rankings"));
    }

    @Test
    void endpointOptionsTakeRepeatedUrlsAndModelsAStrategyACustomPathAndInsecure() {
        var routing = parse("--url", "a:1", "--url", "https://b:2/v1", "-m", "x", "-m", "y",
                "--model-selection-strategy", "random", "--custom-endpoint", "v1/mine", "--insecure")
                .settings().endpoint();
        assertEquals("x", parse("-m", "x", "-m", "y").settings().model());
        assertEquals(List.of(java.net.URI.create("https://b:2/v1")), routing.extraUrls());
        assertEquals(List.of("y"), routing.extraModels());
        assertEquals("random", routing.modelSelection());
        assertEquals("/v1/mine", routing.customEndpoint());
        assertTrue(routing.insecure());
        assertTrue(error("--model-selection-strategy", "fastest").contains("round_robin or random"));
        assertTrue(error("--custom-endpoint", "http://h/x").contains("is not a path"));
        assertTrue(error("--template-body", "/no/such/template.json").contains("cannot read the template file"));
        assertEquals("{\"a\": {{text}}}", parse("--template-body", "{\"a\": {{text}}}").settings().endpoint().template());
    }

    @Test
    void mockFaultOptionsAreCheckedOnOneLine() {
        assertEquals(0.25, parse("--mock", "--mock-fault", "drop:0.25,stall:0.5").settings().mockFaults().rates()
                .get(io.llmbench.runtime.mock.MockFault.DROP));
        assertTrue(error("--mock", "--mock-fault", "explode:0.1").contains("'explode' is not a fault"));
        assertTrue(error("--mock", "--mock-fault", "drop:2").contains("fraction from 0 to 1"));
        assertTrue(error("--mock", "--mock-fault-mix", "0.2").contains("add up to"));
        assertTrue(error("--mock", "--mock-stall-ms", "-1").contains("whole number"));
    }

    @Test
    void mockSettingsWithoutTheMockAreAnErrorNotIgnored() {
        String message = error("--url", "localhost:8000", "--mock-ttft-ms", "50");
        assertTrue(message.contains("--mock-ttft-ms") && message.contains("add --mock"), message);
        assertTrue(error("--mock-fault", "drop:0.1").contains("--mock-fault sets the embedded mock server"));
        assertEquals(50.0, parse("--mock", "--mock-ttft-ms", "50").settings().mockTtftMs(), 0.0);
        assertEquals(Invocation.Command.MOCK_SERVER, parse("mock-server", "--mock-itl-ms", "10").command());
    }

    @Test
    void headersAreNameValue() {
        assertEquals(Map.of("X-Tenant", "a: b"), parse("-H", "X-Tenant: a: b").settings().headers());
        assertTrue(error("-H", "no-colon").contains("NAME:VALUE"));
        assertFalse(error("-H", "sk-secret-key-without-name").contains("sk-secret"), "a bare secret is not echoed");
    }

    @Test
    void extraInputsParseValuesAsJsonWhenTheyAreJson() {
        Map<String, String> extra = parse("--extra-inputs", "ignore_eos:true", "--extra-inputs", "max_tokens:100",
                "--extra-inputs", "stop:end", "--extra-inputs", "{\"temperature\": 0.5, \"top_k\": [1]}")
                .settings().extraInputs();
        assertEquals("true", extra.get("ignore_eos"));
        assertEquals("100", extra.get("max_tokens"));
        assertEquals("\"end\"", extra.get("stop"));
        assertEquals("0.5", extra.get("temperature"));
        assertEquals("[1]", extra.get("top_k"));
        assertTrue(error("--extra-inputs", "{not json").contains("JSON object"));
        assertTrue(error("--extra-inputs", "novalue").contains("key:value"));
    }

    @Test
    void datasetFromPublicDatasetOrInputFile() {
        assertEquals("mmstar", parse("--public-dataset", "mmstar").settings().dataset());
        assertEquals("file:data.jsonl", parse("--input-file", "data.jsonl").settings().dataset());
        assertTrue(error("--public-dataset", "nope").contains("sharegpt"));
    }

    @Test
    void imageFormatAcceptsJpgAsJpeg() {
        assertEquals("jpeg", parse("--image-format", "JPG").settings().imageFormat());
        assertTrue(error("--image-format", "bmp").contains("png, jpeg or random"));
    }
}
