package io.llmbench.runtime.run;

import io.llmbench.runtime.spec.FixedSchedule;
import io.llmbench.runtime.spec.LoadSpec;
import io.llmbench.runtime.spec.PhaseLoad;
import io.llmbench.runtime.spec.SessionLoad;
import java.util.Locale;

/** The run header's description of the load, e.g. {@code poisson 50 req/s, concurrency unlimited, 500 requests; warmup ...}. */
final class LoadDescription {

    private LoadDescription() {
    }

    static String of(LoadSpec load) {
        StringBuilder text = new StringBuilder();
        FixedSchedule fixed = load.fixedSchedule();
        if (fixed.enabled()) {
            text.append("fixed schedule").append(fixed.autoOffset() ? " (auto-offset)" : "");
            if (fixed.startOffsetMs() >= 0) {
                text.append(", from ").append(fixed.startOffsetMs()).append(" ms");
            }
            if (fixed.endOffsetMs() >= 0) {
                text.append(", to ").append(fixed.endOffsetMs()).append(" ms");
            }
            if (load.profiling().concurrency() != PhaseLoad.UNLIMITED) {
                text.append(", concurrency ").append(load.profiling().concurrency());
            }
        } else if (load.sessions().userCentric()) {
            SessionLoad sessions = load.sessions();
            text.append("user-centric ").append(trim(sessions.userCentricRate())).append(" req/s, ")
                    .append(sessions.numUsers()).append(" users, turn gap ")
                    .append(trim(sessions.turnGapNs() / 1e6 / 1000.0)).append(" s");
            PhaseLoad profiling = load.profiling();
            if (profiling.concurrency() != PhaseLoad.UNLIMITED) {
                text.append(", concurrency ").append(profiling.concurrency());
            }
            if (profiling.requestCount() != PhaseLoad.UNLIMITED) {
                text.append(", ").append(profiling.requestCount()).append(" requests");
            }
            if (profiling.duration() != null) {
                text.append(", ").append(trim(profiling.duration().toMillis() / 1000.0)).append(" s");
            }
        } else {
            text.append(load.profiling().describe());
        }
        if (load.sessions().sessionCount() != PhaseLoad.UNLIMITED) {
            text.append(", ").append(load.sessions().sessionCount()).append(" sessions");
        }
        if (load.warmup().isEmpty()) {
            text.append("; no warmup");
        } else {
            text.append("; warmup: ").append(load.warmup().describe());
            if (load.sessions().warmupSessionCount() != PhaseLoad.UNLIMITED) {
                text.append(", ").append(load.sessions().warmupSessionCount()).append(" sessions");
            }
        }
        if (load.cancellationRate() > 0) {
            text.append(String.format(Locale.ROOT, "; cancelling %s%% after %s s", trim(load.cancellationRate()),
                    trim(load.cancellationDelay().toNanos() / 1e9)));
        }
        return text.toString();
    }

    /** The load's part of a run folder's name: {@code concurrency4}, {@code rate2.5-concurrency8}, {@code burst}. */
    static String folderLabel(LoadSpec load) {
        PhaseLoad profiling = load.profiling();
        String cap = profiling.concurrency() == PhaseLoad.UNLIMITED ? "" : "concurrency" + profiling.concurrency();
        if (load.sessions().userCentric()) {
            String users = "user-centric" + trim(load.sessions().userCentricRate()) + "-users" + load.sessions().numUsers();
            return cap.isEmpty() ? users : users + "-" + cap;
        }
        String mode = load.fixedSchedule().enabled() ? "fixed-schedule"
                : profiling.requestRate() > 0 ? "rate" + trim(profiling.requestRate())
                : profiling.openLoop() ? "burst" : "";
        return mode.isEmpty() ? cap : cap.isEmpty() ? mode : mode + "-" + cap;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
