package io.llmbench.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.llmbench.processor.TestSources.ATTRIBUTE_LINE;
import static io.llmbench.processor.TestSources.benchWithAttribute;
import static io.llmbench.processor.TestSources.columnOf;
import static io.llmbench.processor.TestSources.compile;

import com.google.testing.compile.Compilation;
import io.llmbench.annotations.Datasets;
import io.llmbench.annotations.SloMetrics;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error about an attribute value: its message, and that it points at the value itself (the
 * array element at fault, where there is one) on the attribute's line and column.
 */
class AttributeErrorsTest {

    /** Compiles {@code test.Bench} with {@code attribute} and expects {@code message} at {@code at}. */
    private static void assertErrorAt(String attribute, String at, String message) {
        JavaFileObject source = benchWithAttribute(attribute);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message)
                .inFile(source).onLine(ATTRIBUTE_LINE).atColumn(columnOf(attribute, at));
        assertThat(compilation).hadErrorCount(1);
    }

    private static String f(String template, Object... args) {
        return String.format(template, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "", "file:", "MMSTAR"})
    void unknownDatasetIsRejectedListingTheKnownNames(String dataset) {
        String attribute = "dataset = \"" + dataset + "\"";
        assertErrorAt(attribute, "\"", f(ErrorMessages.DATASET_UNKNOWN, dataset, Datasets.NAMES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"concurrency", "streaming", "outputTokens", "inputTokensMean"})
    void emptySweepListIsRejected(String name) {
        assertErrorAt(name + " = {}", "{", f(ErrorMessages.EMPTY_LIST, name, name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "concurrency = 0         | 0  | concurrency       | 0  | 1",
        "concurrency = {1, -4}   | -4 | concurrency       | -4 | 1",
        "requestCount = 0        | 0  | requestCount      | 0  | 1",
        "warmupRequestCount = -1 | -1 | warmupRequestCount | -1 | 0",
        "outputTokens = {8, 0}   | 0  | outputTokens      | 0  | 1",
        "inputTokensMean = 0     | 0  | inputTokensMean   | 0  | 1",
        "inputTokensStddev = -2  | -2 | inputTokensStddev | -2 | 0",
    })
    void valueBelowItsMinimumIsRejectedAtThatValue(String attribute, String at, String name, int value, int minimum) {
        assertErrorAt(attribute, at, f(ErrorMessages.BELOW_MINIMUM, name, value, minimum, name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "concurrency = {1, 4, 1}        | 1}    | concurrency     | 1",
        "streaming = {true, true}       | true} | streaming       | true",
        "outputTokens = {64, 64}        | 64}   | outputTokens    | 64",
        "inputTokensMean = {100, 100}   | 100}  | inputTokensMean | 100",
    })
    void duplicateSweepValueIsRejectedAtItsSecondOccurrence(String attribute, String at, String name, String value) {
        assertErrorAt(attribute, at, f(ErrorMessages.DUPLICATE_VALUE, name, value));
    }

    @Test
    void unsetEndpointTypeIsRejected() {
        assertErrorAt("endpointType = EndpointType.UNSET", ".UNSET", ErrorMessages.ENDPOINT_TYPE_UNSET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankModelIsRejected(String model) {
        assertErrorAt("model = \"" + model + "\"", "\"", ErrorMessages.MODEL_BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Long.MIN_VALUE", "LlmBenchmark.UNSET_LONG"})
    void unsetRandomSeedIsRejected(String seed) {
        assertErrorAt("randomSeed = " + seed, seed.substring(seed.indexOf('.')), ErrorMessages.RANDOM_SEED_UNSET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankGoodputIsRejected(String goodput) {
        assertErrorAt("goodput = \"" + goodput + "\"", "\"", ErrorMessages.GOODPUT_BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"time_to_first_token", "time_to_first_token:", ":200", "request_latency:1:2"})
    void goodputEntryThatIsNotTagColonValueIsRejected(String entry) {
        String message = entry.equals("time_to_first_token:")
                ? f(ErrorMessages.GOODPUT_BAD_VALUE, "", "time_to_first_token", "time_to_first_token")
                : f(ErrorMessages.GOODPUT_NOT_A_PAIR, entry);
        assertErrorAt("goodput = \"" + entry + "\"", "\"", message);
    }

    @Test
    void goodputWithUnknownMetricIsRejectedListingTheKnownTags() {
        assertErrorAt("goodput = \"ttft:200\"", "\"", f(ErrorMessages.GOODPUT_UNKNOWN_TAG, "ttft", SloMetrics.TAGS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "0.0", "NaN", "Infinity", "1e999", "abc", "12ms", "0x10", "2d"})
    void goodputValueThatIsNotAPositiveFiniteNumberIsRejected(String value) {
        assertErrorAt("goodput = \"request_latency:" + value + "\"", "\"",
                f(ErrorMessages.GOODPUT_BAD_VALUE, value, "request_latency", "request_latency"));
    }

    @Test
    void goodputNamingAMetricTwiceIsRejected() {
        assertErrorAt("goodput = \"request_latency:900 time_to_first_token:200 request_latency:800\"", "\"",
                f(ErrorMessages.GOODPUT_DUPLICATE_TAG, "request_latency"));
    }

    @Test
    void everyBadAttributeOfOneClassIsReportedNotJustTheFirst() {
        JavaFileObject source = TestSources.source("test.Bench",
                "package test;",
                "import io.llmbench.annotations.LlmBenchmark;",
                "@LlmBenchmark(",
                "    dataset = \"nope\",",
                "    concurrency = {0, 2, 2},",
                "    requestCount = 0)",
                "public class Bench {",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("dataset \"nope\"").inFile(source).onLine(4);
        assertThat(compilation).hadErrorContaining(f(ErrorMessages.BELOW_MINIMUM, "concurrency", 0, 1, "concurrency"))
                .inFile(source).onLine(5).atColumn(20);
        assertThat(compilation).hadErrorContaining(f(ErrorMessages.DUPLICATE_VALUE, "concurrency", 2))
                .inFile(source).onLine(5).atColumn(26);
        assertThat(compilation).hadErrorContaining(f(ErrorMessages.BELOW_MINIMUM, "requestCount", 0, 1, "requestCount"))
                .inFile(source).onLine(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"concurrency = \"4\"", "randomSeed = \"x\"", "endpointType = 3", "nope = 1"})
    void valueJavacRejectsGetsNoSecondErrorFromTheProcessor(String attribute) {
        Compilation compilation = compile(benchWithAttribute(attribute));
        assertThat(compilation).failed();
        // javac's own error only: a second one would be the processor's.
        assertThat(compilation).hadErrorCount(1);
    }
}
