package io.llmbench.runtime.dataset.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmbench.runtime.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's {@code --seq-dist}: a mix of (input length, output length) pairs with their percentages,
 * written {@code "ISL,OSL:PCT;ISL,OSL:PCT"}, where a length may carry a standard deviation as
 * {@code ISL|STDDEV}. The percentages must add up to 100. Each synthetic entry draws one pair. AIPerf's
 * other spellings are read too: {@code "[(ISL,OSL):PCT,(ISL|SD,OSL|SD):PCT]"} and
 * {@code {"pairs": [{"isl": 256, "isl_stddev": 10, "osl": 128, "osl_stddev": 5, "prob": 60}, ...]}}.
 *
 * @param pairs the pairs in the order given
 */
public record SequenceDistribution(List<Pair> pairs) {

    /** One pair of lengths (tokens) and its share in percent. */
    public record Pair(int isl, int islStddev, int osl, int oslStddev, double percent) {
    }

    /** One {@code (ISL,OSL):PCT} of the bracket spelling. */
    private static final Pattern BRACKET_PAIR = Pattern.compile("\\(([^()]*)\\)\\s*:\\s*([^,\\s]+)");

    public SequenceDistribution {
        pairs = List.copyOf(pairs);
    }

    /**
     * Parses {@code spec}.
     *
     * @throws UserInputException saying which part is malformed and what the format is
     */
    public static SequenceDistribution parse(String spec) {
        String trimmed = spec.strip();
        // AIPerf's two other spellings are read by turning them into the semicolon one.
        String semicolons = trimmed.startsWith("{") ? fromJson(spec, trimmed)
                : trimmed.startsWith("[") ? fromBrackets(spec, trimmed) : trimmed;
        List<Pair> pairs = new ArrayList<>();
        double total = 0;
        for (String part : semicolons.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] lengthsAndShare = part.split(":");
            String[] lengths = lengthsAndShare[0].split(",");
            if (lengthsAndShare.length != 2 || lengths.length != 2) {
                throw bad(spec, part);
            }
            int[] isl = length(spec, part, lengths[0]);
            int[] osl = length(spec, part, lengths[1]);
            double percent;
            try {
                percent = Double.parseDouble(lengthsAndShare[1].strip());
            } catch (NumberFormatException e) {
                throw bad(spec, part);
            }
            if (!(percent > 0 && percent <= 100)) {
                throw bad(spec, part);
            }
            total += percent;
            pairs.add(new Pair(isl[0], isl[1], osl[0], osl[1], percent));
        }
        if (pairs.isEmpty()) {
            throw new UserInputException("--seq-dist '" + spec + "' has no pairs: write \"ISL,OSL:PCT;...\", e.g."
                    + " \"128,64:60;1024,256:40\"");
        }
        if (Math.abs(total - 100) > 0.01) {
            throw new UserInputException("--seq-dist '" + spec + "': the percentages add up to " + total
                    + ", they must add up to 100");
        }
        return new SequenceDistribution(pairs);
    }

    /** A pair drawn by the percentages. */
    public Pair sample(Random random) {
        double point = random.nextDouble() * 100;
        double cumulative = 0;
        for (Pair pair : pairs) {
            cumulative += pair.percent;
            if (point < cumulative) {
                return pair;
            }
        }
        return pairs.get(pairs.size() - 1);
    }

    /** {@code [(ISL,OSL):PCT,(ISL|SD,OSL|SD):PCT]} as {@code ISL,OSL:PCT;ISL|SD,OSL|SD:PCT}. */
    private static String fromBrackets(String spec, String trimmed) {
        if (!trimmed.endsWith("]")) {
            throw badSpelling(spec);
        }
        String inner = trimmed.substring(1, trimmed.length() - 1);
        Matcher pair = BRACKET_PAIR.matcher(inner);
        StringBuilder semicolons = new StringBuilder();
        int end = 0;
        while (pair.find()) {
            // Pairs are separated by one comma and nothing else.
            if (!inner.substring(end, pair.start()).strip().equals(semicolons.isEmpty() ? "" : ",")) {
                throw badSpelling(spec);
            }
            semicolons.append(semicolons.isEmpty() ? "" : ";").append(pair.group(1)).append(':').append(pair.group(2));
            end = pair.end();
        }
        if (semicolons.isEmpty() || !inner.substring(end).isBlank()) {
            throw badSpelling(spec);
        }
        return semicolons.toString();
    }

    /** {@code {"pairs": [{"isl", "isl_stddev", "osl", "osl_stddev", "prob"}, ...]}} in the semicolon spelling. */
    private static String fromJson(String spec, String trimmed) {
        JsonNode pairs;
        try {
            pairs = new ObjectMapper().readTree(trimmed).path("pairs");
        } catch (java.io.IOException e) {
            throw badSpelling(spec);
        }
        if (!pairs.isArray()) {
            throw badSpelling(spec);
        }
        StringBuilder semicolons = new StringBuilder();
        for (JsonNode pair : pairs) {
            for (String field : List.of("isl", "osl", "prob")) {
                if (!pair.path(field).isNumber()) {
                    throw new UserInputException("--seq-dist '" + spec + "': every pair needs a number '" + field
                            + "', e.g. {\"pairs\": [{\"isl\": 256, \"osl\": 128, \"prob\": 100}]}");
                }
            }
            semicolons.append(semicolons.isEmpty() ? "" : ";")
                    .append(pair.get("isl").asText()).append('|').append(pair.path("isl_stddev").asInt(0)).append(',')
                    .append(pair.get("osl").asText()).append('|').append(pair.path("osl_stddev").asInt(0)).append(':')
                    .append(pair.get("prob").asText());
        }
        return semicolons.toString();
    }

    private static UserInputException badSpelling(String spec) {
        return new UserInputException("--seq-dist '" + spec + "' is not \"ISL,OSL:PCT;...\", \"[(ISL,OSL):PCT,...]\""
                + " nor {\"pairs\": [{\"isl\": ..., \"osl\": ..., \"prob\": ...}]}");
    }

    private static int[] length(String spec, String part, String text) {
        String[] meanAndStddev = text.strip().split("\\|");
        try {
            int mean = Integer.parseInt(meanAndStddev[0].strip());
            int stddev = meanAndStddev.length > 1 ? Integer.parseInt(meanAndStddev[1].strip()) : 0;
            if (mean >= 1 && stddev >= 0 && meanAndStddev.length <= 2) {
                return new int[] {mean, stddev};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(spec, part);
    }

    private static UserInputException bad(String spec, String part) {
        return new UserInputException("--seq-dist '" + spec + "': '" + part.strip() + "' is not ISL,OSL:PCT (lengths"
                + " ≥ 1, optionally ISL|STDDEV; PCT from 0 to 100), e.g. \"128,64:60;1024,256:40\"");
    }
}
