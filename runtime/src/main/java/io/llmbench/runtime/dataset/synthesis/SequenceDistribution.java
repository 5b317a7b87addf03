package io.llmbench.runtime.dataset.synthesis;

import io.llmbench.runtime.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * AIPerf's {@code --seq-dist}: a mix of (input length, output length) pairs with their percentages,
 * written {@code "ISL,OSL:PCT;ISL,OSL:PCT"}, where a length may carry a standard deviation as
 * {@code ISL|STDDEV}. The percentages must add up to 100. Each synthetic entry draws one pair.
 *
 * @param pairs the pairs in the order given
 */
public record SequenceDistribution(List<Pair> pairs) {

    /** One pair of lengths (tokens) and its share in percent. */
    public record Pair(int isl, int islStddev, int osl, int oslStddev, double percent) {
    }

    public SequenceDistribution {
        pairs = List.copyOf(pairs);
    }

    /**
     * Parses {@code spec}.
     *
     * @throws UserInputException saying which part is malformed and what the format is
     */
    public static SequenceDistribution parse(String spec) {
        List<Pair> pairs = new ArrayList<>();
        double total = 0;
        for (String part : spec.split(";")) {
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
