package io.llmbench.runtime.cli;

import io.llmbench.annotations.LlmBenchmark;
import io.llmbench.runtime.spec.AnnotatedLoad;
import java.time.Duration;

/**
 * Lays a benchmark's session settings ({@code @Load(conversationNum, userCentricRate, numUsers,
 * prefillConcurrencyRampDuration)} and {@code @Warmup}'s sessions, prefill limit and ramps) under the
 * command line's session options, per attribute, so that {@link LoadResolver} sees one set of them.
 */
final class AnnotatedSessionMerge {

    private AnnotatedSessionMerge() {
    }

    /**
     * @param cli the session options given
     * @param requestCountGiven whether the command line gave a request count: it replaces an annotated
     *     session count, the other stop condition
     * @param warmupCountGiven the same for the warmup request count and the annotated warmup sessions
     * @param annotated the class's {@code @Load} and {@code @Warmup} settings
     */
    static SessionOptions.SessionCli merge(SessionOptions.SessionCli cli, boolean requestCountGiven,
            boolean warmupCountGiven, AnnotatedLoad annotated) {
        SessionOptions.SessionCli merged = new SessionOptions.SessionCli(
                first(cli.sessions(), requestCountGiven ? null : whole(annotated.conversationNum())),
                first(cli.warmupSessions(), warmupCountGiven ? null : whole(annotated.warmupNumSessions())),
                first(cli.userCentricRate(), decimal(annotated.userCentricRate())),
                first(cli.numUsers(), whole(annotated.numUsers())),
                first(cli.warmupPrefillConcurrency(), whole(annotated.warmupPrefillConcurrency())),
                first(cli.warmupConcurrencyRamp(), seconds(annotated.warmupConcurrencyRampDuration())),
                first(cli.warmupRequestRateRamp(), seconds(annotated.warmupRequestRateRampDuration())),
                first(cli.prefillConcurrencyRamp(), seconds(annotated.prefillConcurrencyRampDuration())),
                first(cli.warmupPrefillConcurrencyRamp(), seconds(annotated.warmupPrefillConcurrencyRampDuration())));
        SessionOptions.checkNeeded(merged);
        return merged;
    }

    private static Double decimal(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Integer whole(int value) {
        return value == LlmBenchmark.UNSET ? null : value;
    }

    private static Duration seconds(double value) {
        return Double.isNaN(value) ? null : Duration.ofNanos(Math.round(value * 1e9));
    }

    private static <T> T first(T given, T annotated) {
        return given != null ? given : annotated;
    }
}
