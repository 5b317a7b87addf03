package io.llmbench.runtime.dataset.hub;

import java.util.Locale;

/** How a public dataset's rows are ordered for sending (AIPerf's {@code --dataset-sampling-strategy}). */
public enum SamplingStrategy {
    /** The rows in dataset order, from the first; AIPerf's default for public datasets. */
    SEQUENTIAL,
    /** Rows drawn at random with replacement, seeded by {@code --random-seed}. */
    RANDOM,
    /** Every row once, in an order shuffled by {@code --random-seed}. */
    SHUFFLE;

    /** The name on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy named {@code name} (any case), or {@code null}. */
    public static SamplingStrategy fromCliName(String name) {
        for (SamplingStrategy s : values()) {
            if (s.cliName().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        return null;
    }
}
