package io.llmbench.runtime.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The users present when a user-centric phase starts (AIPerf's "virtual history"): rather than every
 * user starting its first turn at once, the phase starts as if it had been running for a while.
 * The {@code n} users are spread over a session's lifetime ({@code sessionTurns - 1} gaps): the
 * oldest has finished (it is replaced by a fresh user at once), the others have that many turns
 * left in proportion to their age, and they send their first turn in a staggered order, one
 * stagger ({@code 1 / rate}) apart, so that old and new sessions mix from the first second.
 */
public final class UserCentricPlan {

    /**
     * One user at the start.
     *
     * @param turns how many turns it sends, or {@link #ALL_TURNS} for its whole conversation
     * @param order its first turn leaves {@code order} staggers after the start (0 first)
     */
    public record StartingUser(int turns, int order) {
    }

    /** A fresh user: every turn of its conversation. */
    public static final int ALL_TURNS = -1;

    private UserCentricPlan() {
    }

    /**
     * The users at the start, in the order their conversations are drawn: the users with virtual
     * history first, the fresh user that replaces the finished one last.
     *
     * @param users simulated users ({@code --num-users})
     * @param sessionTurns the dataset's mean turns per conversation, rounded
     */
    public static List<StartingUser> startingUsers(int users, int sessionTurns) {
        if (users < 1) {
            throw new IllegalArgumentException("users " + users);
        }
        int lifetime = Math.max(1, sessionTurns - 1);
        // With a common factor, age modulo users repeats: step through the slots by a coprime step instead.
        boolean alternate = gcd(users, lifetime) > 1;
        int step = alternate ? coprimeStep(users) : 1;
        List<StartingUser> starting = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long virtualAge = (long) (users - i) * lifetime;
            int turnsLeft = (int) (lifetime - virtualAge / users);
            if (turnsLeft <= 0) {
                continue;
            }
            int slot = alternate ? (int) ((long) i * step % users) : (int) (virtualAge % users);
            starting.add(new StartingUser(turnsLeft, users - slot));
        }
        starting.add(new StartingUser(ALL_TURNS, 0));
        return starting;
    }

    /** The smallest step above 1 that is coprime with {@code n} (1 when {@code n ≤ 2}). */
    static int coprimeStep(int n) {
        for (int step = 2; step < n; step++) {
            if (gcd(n, step) == 1) {
                return step;
            }
        }
        return 1;
    }

    private static int gcd(int a, int b) {
        return BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).intValue();
    }
}
