package io.llmbench.runtime.cli;

import io.llmbench.runtime.UserInputException;
import java.time.Duration;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options of multi-turn sessions and of the warmup's own load (AIPerf's names): how many
 * sessions a phase starts, AIPerf's user-centric rate, the prefill ramps, and the warmup settings
 * that fall back to the profiling ones. Documented in {@code docs/cli.md}, section "Sessions,
 * user-centric rate and warmup load".
 */
final class SessionOptions {

    static final String CONVERSATION_NUM = "conversation-num";
    static final String NUM_CONVERSATIONS = "num-conversations";
    static final String NUM_SESSIONS = "num-sessions";
    static final String NUM_WARMUP_SESSIONS = "num-warmup-sessions";
    static final String USER_CENTRIC_RATE = "user-centric-rate";
    static final String NUM_USERS = "num-users";
    static final String WARMUP_PREFILL_CONCURRENCY = "warmup-prefill-concurrency";
    static final String WARMUP_CONCURRENCY_RAMP = "warmup-concurrency-ramp-duration";
    static final String WARMUP_REQUEST_RATE_RAMP = "warmup-request-rate-ramp-duration";
    static final String PREFILL_CONCURRENCY_RAMP = "prefill-concurrency-ramp-duration";
    static final String WARMUP_PREFILL_CONCURRENCY_RAMP = "warmup-prefill-concurrency-ramp-duration";

    private SessionOptions() {
    }

    static void addTo(Options options) {
        options.addOption(valued(CONVERSATION_NUM, "N",
                "Start at most N sessions (conversations); started ones send every turn. Excludes --request-count."));
        options.addOption(valued(NUM_CONVERSATIONS, "N", "Alias of --" + CONVERSATION_NUM + "."));
        options.addOption(valued(NUM_SESSIONS, "N", "Alias of --" + CONVERSATION_NUM + "."));
        options.addOption(valued(NUM_WARMUP_SESSIONS, "N",
                "Warmup: start at most N sessions. Excludes --warmup-request-count."));
        options.addOption(valued(USER_CENTRIC_RATE, "QPS",
                "Multi-turn: N simulated users (--num-users) together sending QPS requests/s, each user's turns "
                        + "N/QPS seconds apart."));
        options.addOption(valued(NUM_USERS, "N", "Simulated users of --" + USER_CENTRIC_RATE + "."));
        options.addOption(valued(WARMUP_PREFILL_CONCURRENCY, "N",
                "Warmup: at most N requests waiting for their first token. Default: --prefill-concurrency."));
        options.addOption(valued(WARMUP_CONCURRENCY_RAMP, "SECONDS",
                "Warmup: raise concurrency from 1 over this long. Default: --concurrency-ramp-duration."));
        options.addOption(valued(WARMUP_REQUEST_RATE_RAMP, "SECONDS",
                "Warmup: raise the request rate over this long. Default: --request-rate-ramp-duration."));
        options.addOption(valued(PREFILL_CONCURRENCY_RAMP, "SECONDS",
                "Raise the prefill limit from 1 to --prefill-concurrency over this long."));
        options.addOption(valued(WARMUP_PREFILL_CONCURRENCY_RAMP, "SECONDS",
                "Warmup: raise the prefill limit over this long. Default: --prefill-concurrency-ramp-duration."));
    }

    static SessionCli parse(CommandLine line) {
        String sessionsOption = null;
        for (String name : new String[] {CONVERSATION_NUM, NUM_CONVERSATIONS, NUM_SESSIONS}) {
            if (line.hasOption(name)) {
                if (sessionsOption != null) {
                    throw new UserInputException("--" + sessionsOption + " and --" + name
                            + " are the same option: give one of them");
                }
                sessionsOption = name;
            }
        }
        Integer sessions = sessionsOption == null ? null : LoadOptions.integer(line, sessionsOption, 1);
        if (sessions != null && (line.hasOption(CliOptions.REQUEST_COUNT) || line.hasOption(LoadOptions.NUM_REQUESTS))) {
            throw new UserInputException("--" + sessionsOption + " and --request-count are both stop conditions "
                    + "(sessions started, requests sent): give one of them");
        }
        Integer warmupSessions = LoadOptions.integer(line, NUM_WARMUP_SESSIONS, 1);
        if (warmupSessions != null && (line.hasOption(CliOptions.WARMUP_REQUEST_COUNT)
                || line.hasOption(LoadOptions.NUM_WARMUP_REQUESTS))) {
            throw new UserInputException("--" + NUM_WARMUP_SESSIONS + " and --warmup-request-count are both warmup "
                    + "stop conditions: give one of them");
        }
        Double rate = LoadOptions.positiveDecimal(line, USER_CENTRIC_RATE);
        Integer users = LoadOptions.integer(line, NUM_USERS, 1);
        if (rate != null) {
            for (String conflicting : new String[] {LoadOptions.REQUEST_RATE, LoadOptions.ARRIVAL_PATTERN,
                    LoadOptions.REQUEST_RATE_MODE, LoadOptions.ARRIVAL_SMOOTHNESS, LoadOptions.VLLM_BURSTINESS,
                    LoadOptions.REQUEST_RATE_RAMP, LoadOptions.FIXED_SCHEDULE}) {
                if (line.hasOption(conflicting)) {
                    throw new UserInputException("--" + USER_CENTRIC_RATE + " spaces each user's turns by itself, so "
                            + "it cannot be combined with --" + conflicting + ": drop one of them");
                }
            }
        }
        return new SessionCli(sessions, warmupSessions, rate, users,
                LoadOptions.integer(line, WARMUP_PREFILL_CONCURRENCY, 1),
                LoadOptions.seconds(line, WARMUP_CONCURRENCY_RAMP, false),
                LoadOptions.seconds(line, WARMUP_REQUEST_RATE_RAMP, false),
                LoadOptions.seconds(line, PREFILL_CONCURRENCY_RAMP, false),
                LoadOptions.seconds(line, WARMUP_PREFILL_CONCURRENCY_RAMP, false));
    }

    /**
     * The checks of settings that need another, run once {@code @Load} is merged in (the annotation
     * may give what an option needs).
     */
    static void checkNeeded(SessionCli sessions) {
        if (sessions.userCentricRate() != null && sessions.numUsers() == null) {
            throw new UserInputException("--" + USER_CENTRIC_RATE + " (or @Load(userCentricRate)) needs --" + NUM_USERS
                    + " (how many users share the rate): add it");
        }
        if (sessions.numUsers() != null && sessions.userCentricRate() == null) {
            throw new UserInputException("--" + NUM_USERS + " (or @Load(numUsers)) applies only with --"
                    + USER_CENTRIC_RATE + ": add a user-centric rate or drop --" + NUM_USERS);
        }
    }

    private static Option valued(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).get();
    }

    /**
     * The session and warmup-load options given; {@code null} where not given.
     *
     * @param sessions {@code --conversation-num} and its aliases
     * @param warmupSessions {@code --num-warmup-sessions}
     * @param userCentricRate {@code --user-centric-rate}
     * @param numUsers {@code --num-users}
     * @param warmupPrefillConcurrency {@code --warmup-prefill-concurrency}
     * @param warmupConcurrencyRamp {@code --warmup-concurrency-ramp-duration}
     * @param warmupRequestRateRamp {@code --warmup-request-rate-ramp-duration}
     * @param prefillConcurrencyRamp {@code --prefill-concurrency-ramp-duration}
     * @param warmupPrefillConcurrencyRamp {@code --warmup-prefill-concurrency-ramp-duration}
     */
    record SessionCli(
            Integer sessions,
            Integer warmupSessions,
            Double userCentricRate,
            Integer numUsers,
            Integer warmupPrefillConcurrency,
            Duration warmupConcurrencyRamp,
            Duration warmupRequestRateRamp,
            Duration prefillConcurrencyRamp,
            Duration warmupPrefillConcurrencyRamp) {

        /** No such option given. */
        static SessionCli none() {
            return new SessionCli(null, null, null, null, null, null, null, null, null);
        }
    }
}
