package io.llmbench.runtime.spec;

import java.util.Map;

/**
 * The repeated-run attributes written on a class's {@code @Load} (and its superclasses'), with the
 * annotation's "unset" sentinels for the others: {@code NaN} and an empty array.
 *
 * @param profileRunCooldownSeconds {@code @Load(profileRunCooldownSeconds)}, as written
 * @param confidenceLevel {@code @Load(confidenceLevel)}
 * @param profileRunDisableWarmupAfterFirst {@code @Load(profileRunDisableWarmupAfterFirst)}: one value, or none
 * @param setConsistentSeed {@code @Load(setConsistentSeed)}: one value, or none
 */
public record AnnotatedProfileRuns(double profileRunCooldownSeconds, double confidenceLevel,
        boolean[] profileRunDisableWarmupAfterFirst, boolean[] setConsistentSeed) {

    public AnnotatedProfileRuns {
        profileRunDisableWarmupAfterFirst = profileRunDisableWarmupAfterFirst.clone();
        setConsistentSeed = setConsistentSeed.clone();
    }

    /** Nothing written. */
    public static AnnotatedProfileRuns unset() {
        return new AnnotatedProfileRuns(Double.NaN, Double.NaN, new boolean[0], new boolean[0]);
    }

    @Override
    public boolean[] profileRunDisableWarmupAfterFirst() {
        return profileRunDisableWarmupAfterFirst.clone();
    }

    @Override
    public boolean[] setConsistentSeed() {
        return setConsistentSeed.clone();
    }

    /** The written attributes by name, each as Java source would write it, in declaration order. */
    void addWritten(Map<String, String> written) {
        if (!Double.isNaN(profileRunCooldownSeconds)) {
            written.put("profileRunCooldownSeconds", Double.toString(profileRunCooldownSeconds));
        }
        if (!Double.isNaN(confidenceLevel)) {
            written.put("confidenceLevel", Double.toString(confidenceLevel));
        }
        if (profileRunDisableWarmupAfterFirst.length > 0) {
            written.put("profileRunDisableWarmupAfterFirst", Boolean.toString(profileRunDisableWarmupAfterFirst[0]));
        }
        if (setConsistentSeed.length > 0) {
            written.put("setConsistentSeed", Boolean.toString(setConsistentSeed[0]));
        }
    }
}
