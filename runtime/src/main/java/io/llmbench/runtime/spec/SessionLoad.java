package io.llmbench.runtime.spec;

/**
 * How multi-turn sessions are counted and paced (AIPerf's session options).
 *
 * @param sessionCount sessions (conversations) the profiling phase starts at most; the ones started
 *     run to their last turn unless another stop condition ends them ({@link PhaseLoad#UNLIMITED}
 *     for no limit); a single-turn entry is a session of one turn
 * @param warmupSessionCount the same for the warmup phase
 * @param userCentricRate requests per second of user-centric mode ({@code --user-centric-rate}), 0 when off
 * @param numUsers simulated users of user-centric mode, 0 when off
 */
public record SessionLoad(int sessionCount, int warmupSessionCount, double userCentricRate, int numUsers) {

    /** No session limit, no user-centric mode. */
    public static SessionLoad none() {
        return new SessionLoad(PhaseLoad.UNLIMITED, PhaseLoad.UNLIMITED, 0, 0);
    }

    /** Whether the profiling phase runs in user-centric mode. */
    public boolean userCentric() {
        return userCentricRate > 0;
    }

    /**
     * The gap between one user's turns: {@code numUsers / userCentricRate} seconds, in nanoseconds
     * (every user sending once per gap gives the rate).
     */
    public long turnGapNs() {
        return Math.round(numUsers / userCentricRate * 1e9);
    }
}
