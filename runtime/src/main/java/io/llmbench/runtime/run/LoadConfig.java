package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.FixedSchedule;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code load} part of the exported {@code input_config}: every resolved load setting under
 * AIPerf's option names ({@code null} where a setting has no limit or is not set).
 */
final class LoadConfig {

    private LoadConfig() {
    }

    static Map<String, Object> of(LoadSpec load) {
        PhaseLoad profiling = load.profiling();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", load.fixedSchedule().enabled() ? "fixed_schedule"
                : load.sessions().userCentric() ? "user_centric_rate"
                : profiling.requestRate() > 0 ? "request_rate" : profiling.openLoop() ? "burst" : "concurrency");
        config.put("concurrency", count(load.concurrency()));
        config.put("request_count", count(load.requestCount()));
        config.put("warmup_request_count", load.warmupRequestCount());
        phase(config, profiling, "benchmark_");
        Map<String, Object> warmup = null;
        if (!load.warmup().isEmpty()) {
            warmup = new LinkedHashMap<>();
            warmup.put("concurrency", count(load.warmup().concurrency()));
            warmup.put("request_count", count(load.warmup().requestCount()));
            phase(warmup, load.warmup(), "");
        }
        config.put("warmup", warmup);
        config.put("request_cancellation_rate", load.cancellationRate() > 0 ? load.cancellationRate() : null);
        config.put("request_cancellation_delay", load.cancellationRate() > 0 ? seconds(load.cancellationDelay()) : null);
        config.put("num_profile_runs", load.numProfileRuns());
        config.put("profile_run_cooldown_seconds", seconds(load.profileRuns().cooldown()));
        config.put("confidence_level", load.profileRuns().confidenceLevel());
        config.put("profile_run_disable_warmup_after_first", load.profileRuns().disableWarmupAfterFirst());
        config.put("set_consistent_seed", load.profileRuns().consistentSeed());
        FixedSchedule fixed = load.fixedSchedule();
        config.put("fixed_schedule", fixed.enabled());
        if (fixed.enabled()) {
            config.put("fixed_schedule_auto_offset", fixed.autoOffset());
            config.put("fixed_schedule_start_offset", fixed.startOffsetMs() < 0 ? null : fixed.startOffsetMs());
            config.put("fixed_schedule_end_offset", fixed.endOffsetMs() < 0 ? null : fixed.endOffsetMs());
        }
        config.put("random_seed", load.scheduleSeed());
        config.put("conversation_num", count(load.sessions().sessionCount()));
        config.put("num_warmup_sessions", count(load.sessions().warmupSessionCount()));
        config.put("user_centric_rate", load.sessions().userCentric() ? load.sessions().userCentricRate() : null);
        config.put("num_users", load.sessions().userCentric() ? load.sessions().numUsers() : null);
        return config;
    }

    /** @param durationPrefix {@code benchmark_} for the profiling phase's duration keys, empty for warmup's */
    private static void phase(Map<String, Object> config, PhaseLoad phase, String durationPrefix) {
        config.put("request_rate", phase.requestRate() > 0 ? phase.requestRate() : null);
        config.put("arrival_pattern", phase.requestRate() > 0 || phase.openLoop()
                ? phase.arrivalPattern().cliName() : null);
        config.put("arrival_smoothness", phase.requestRate() > 0 ? phase.arrivalSmoothness() : null);
        config.put(durationPrefix + "duration", seconds(phase.duration()));
        // null grace with a duration: wait for every request ("inf").
        config.put(durationPrefix + "grace_period", phase.duration() == null ? null : seconds(phase.gracePeriod()));
        config.put("concurrency_ramp_duration", seconds(phase.concurrencyRamp()));
        config.put("request_rate_ramp_duration", seconds(phase.requestRateRamp()));
        config.put("prefill_concurrency", count(phase.prefillConcurrency()));
        config.put("prefill_concurrency_ramp_duration", seconds(phase.prefillConcurrencyRamp()));
    }

    private static Integer count(int value) {
        return value == PhaseLoad.UNLIMITED ? null : value;
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e9;
    }
}
