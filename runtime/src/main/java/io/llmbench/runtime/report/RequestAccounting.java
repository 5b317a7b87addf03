package io.llmbench.runtime.report;

/**
 * Where every profiling request went: each one sent is exactly one of succeeded, failed or
 * cancelled, so that a run under faults shows it lost none. Printed under the console table and
 * written as {@code request_accounting} in {@code profile_export_llmbench.json}.
 *
 * @param sent requests handed to the client
 * @param succeeded requests that completed validly
 * @param failed requests that failed (every cause but cancellation)
 * @param cancelled requests cancelled on purpose (an interrupt)
 */
public record RequestAccounting(long sent, long succeeded, long failed, long cancelled) {

    /** Whether {@code sent = succeeded + failed + cancelled}. */
    public boolean balanced() {
        return sent == succeeded + failed + cancelled;
    }

    /** One line for the console, e.g. {@code Requests: sent 1,000 = succeeded 900 + failed 95 + cancelled 5}. */
    public String line() {
        return "Requests: sent " + DisplayNumbers.groupedInteger(sent) + (balanced() ? " = " : " != ")
                + "succeeded " + DisplayNumbers.groupedInteger(succeeded) + " + failed "
                + DisplayNumbers.groupedInteger(failed) + " + cancelled " + DisplayNumbers.groupedInteger(cancelled)
                + (balanced() ? "" : " (some requests were not accounted for)");
    }
}
