package io.llmbench.runtime.compare;

/** What a metric's change means. */
public enum Verdict {
    /** Worse by more than the threshold, and (where testable) beyond noise. */
    REGRESSION("REGRESSION"),
    /** Better by more than the threshold, and (where testable) beyond noise. */
    IMPROVEMENT("improvement"),
    /** Changed by more than the threshold, but the test cannot tell it from noise. */
    NOISE("within noise"),
    /** Changed by no more than the threshold. */
    UNCHANGED("unchanged"),
    /** A description of the workload (lengths, counts), not judged. */
    INFO("-");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** As printed in the table. */
    public String text() {
        return text;
    }
}
