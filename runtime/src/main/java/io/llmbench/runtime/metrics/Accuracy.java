package io.llmbench.runtime.metrics;

/**
 * The outcome of a benchmark's response check over the profiling phase's successful requests.
 *
 * @param checked responses the check looked at
 * @param passed responses it accepted
 */
public record Accuracy(long checked, long passed) {

    public Accuracy {
        if (checked < 0 || passed < 0 || passed > checked) {
            throw new IllegalArgumentException("accuracy " + passed + " of " + checked);
        }
    }

    /** The fraction of checked responses that passed, from 0 to 1; {@code NaN} when none was checked. */
    public double fraction() {
        return checked == 0 ? Double.NaN : (double) passed / checked;
    }

    /** Like {@code 87.50% (35 of 40)}. */
    public String describe() {
        return checked == 0 ? "no response checked"
                : String.format(java.util.Locale.ROOT, "%.2f%% (%d of %d)", 100 * fraction(), passed, checked);
    }
}
