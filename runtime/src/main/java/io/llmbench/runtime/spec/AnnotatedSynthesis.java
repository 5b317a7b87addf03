package io.llmbench.runtime.spec;

import io.llmbench.annotations.LlmBenchmark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shaping attributes written on a class's {@code @SyntheticInput} (and its superclasses'), with
 * the annotation's "unset" sentinels for the others: {@link LlmBenchmark#UNSET}, {@code NaN}, an empty
 * string or list. Named as {@link SynthesisSpec}'s components.
 */
public record AnnotatedSynthesis(int outputTokensStddev, String sequenceDistribution, int numPrefixPrompts,
        int prefixPromptLength, int sharedSystemPromptLength, int userContextPromptLength, int imageWidthStddev,
        int imageHeightStddev, int imageBatchSize, double audioLengthMean, double audioLengthStddev,
        String audioFormat, List<Double> audioSampleRatesKhz, List<Integer> audioDepths, int audioNumChannels,
        int audioBatchSize, int conversationTurnMean, int conversationTurnStddev, double conversationTurnDelayMean,
        double conversationTurnDelayStddev, double conversationTurnDelayRatio) {

    public AnnotatedSynthesis {
        audioSampleRatesKhz = List.copyOf(audioSampleRatesKhz);
        audioDepths = List.copyOf(audioDepths);
    }

    /** Nothing written. */
    public static AnnotatedSynthesis unset() {
        int u = LlmBenchmark.UNSET;
        return new AnnotatedSynthesis(u, "", u, u, u, u, u, u, u, Double.NaN, Double.NaN, "", List.of(), List.of(),
                u, u, u, u, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The written attributes by name, each as Java source would write it. */
    Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        whole(written, "outputTokensStddev", outputTokensStddev);
        AnnotatedEndpoint.putString(written, "sequenceDistribution", sequenceDistribution);
        whole(written, "numPrefixPrompts", numPrefixPrompts);
        whole(written, "prefixPromptLength", prefixPromptLength);
        whole(written, "sharedSystemPromptLength", sharedSystemPromptLength);
        whole(written, "userContextPromptLength", userContextPromptLength);
        whole(written, "imageWidthStddev", imageWidthStddev);
        whole(written, "imageHeightStddev", imageHeightStddev);
        whole(written, "imageBatchSize", imageBatchSize);
        decimal(written, "audioLengthMean", audioLengthMean);
        decimal(written, "audioLengthStddev", audioLengthStddev);
        AnnotatedEndpoint.putString(written, "audioFormat", audioFormat);
        list(written, "audioSampleRates", audioSampleRatesKhz);
        list(written, "audioDepths", audioDepths);
        whole(written, "audioNumChannels", audioNumChannels);
        whole(written, "audioBatchSize", audioBatchSize);
        whole(written, "conversationTurnMean", conversationTurnMean);
        whole(written, "conversationTurnStddev", conversationTurnStddev);
        decimal(written, "conversationTurnDelayMean", conversationTurnDelayMean);
        decimal(written, "conversationTurnDelayStddev", conversationTurnDelayStddev);
        decimal(written, "conversationTurnDelayRatio", conversationTurnDelayRatio);
        return written;
    }

    private static void decimal(Map<String, String> written, String name, double value) {
        if (!Double.isNaN(value)) {
            written.put(name, Double.toString(value));
        }
    }

    private static void whole(Map<String, String> written, String name, int value) {
        if (value != LlmBenchmark.UNSET) {
            written.put(name, Integer.toString(value));
        }
    }

    private static void list(Map<String, String> written, String name, List<?> values) {
        if (!values.isEmpty()) {
            String text = values.toString();
            text = text.substring(1, text.length() - 1);
            written.put(name, values.size() == 1 ? text : "{" + text + "}");
        }
    }
}
