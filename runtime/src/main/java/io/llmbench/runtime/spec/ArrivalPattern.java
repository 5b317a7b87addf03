package io.llmbench.runtime.spec;

import java.util.Locale;

/**
 * How open-loop requests are spread in time at a given rate (AIPerf's {@code --arrival-pattern}).
 */
public enum ArrivalPattern {
    /** Exactly {@code 1 / rate} apart. */
    CONSTANT("constant"),
    /** Exponential gaps of mean {@code 1 / rate} (a Poisson process): AIPerf's default. */
    POISSON("poisson"),
    /** Gamma gaps of mean {@code 1 / rate} and shape {@code --arrival-smoothness}: 1 is Poisson, less is burstier. */
    GAMMA("gamma"),
    /** Every request released at once, held back only by the concurrency limit (AIPerf's {@code concurrency_burst}). */
    CONCURRENCY_BURST("concurrency_burst");

    private final String cliName;

    ArrivalPattern(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line, e.g. {@code poisson}. */
    public String cliName() {
        return cliName;
    }

    /** The pattern named {@code name} (case-insensitive; {@code -} and {@code _} alike), or {@code null}. */
    public static ArrivalPattern fromCliName(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (normalized.equals("burst")) {
            return CONCURRENCY_BURST;
        }
        for (ArrivalPattern pattern : values()) {
            if (pattern.cliName.equals(normalized)) {
                return pattern;
            }
        }
        return null;
    }
}
