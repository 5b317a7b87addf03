package io.llmbench.bench;

import io.llmbench.runtime.load.OpenLoopScheduler;
import io.llmbench.runtime.load.RateArrivals;
import io.llmbench.runtime.load.RequestDispatch;
import io.llmbench.runtime.load.ScheduleLagMonitor;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.spec.ArrivalPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The schedule lag of llmbench's own pacer with nothing to send, in a JVM of its own running beside
 * the measured open loop: the same {@link OpenLoopScheduler} and Poisson arrivals, a dispatch that
 * only notes how late it was called. Its lag is the machine's (how soon a parked thread gets a core
 * back while the client and the mock keep the cores busy), none of it the HTTP client's nor the
 * client JVM's pauses: the floor under the open loop's schedule lag on this machine at that moment.
 */
final class PacerFloor {

    private static final String RESULT = "pacer floor: ";

    private final Process process;

    private PacerFloor(Process process) {
        this.process = process;
    }

    /** Starts the floor's JVM: 1,000 req/s for {@code warm}, unmeasured, then for {@code measure}. */
    static PacerFloor start(Duration warm, Duration measure) throws IOException {
        return new PacerFloor(new ProcessBuilder(ChildJvm.command(List.of("-Xmx64m"), PacerFloor.class.getName(),
                Long.toString(warm.toMillis()), Long.toString(measure.toMillis()))).redirectErrorStream(true).start());
    }

    /** Waits for the floor's end: its lag statistics in ms, or {@code null} when it printed none. */
    Statistics await() throws IOException, InterruptedException {
        Statistics result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    double[] values = Arrays.stream(line.substring(RESULT.length()).split(" "))
                            .mapToDouble(Double::parseDouble).toArray();
                    result = Statistics.of(values);
                }
            }
        }
        process.waitFor();
        return result;
    }

    /** Arguments: warmup ms, measured ms. Prints every measured lag (ms) on one line. */
    public static void main(String[] args) throws InterruptedException {
        long warmNs = Duration.ofMillis(Long.parseLong(args[0])).toNanos();
        Duration measure = Duration.ofMillis(Long.parseLong(args[1]));
        long measuredFrom = System.nanoTime() + warmNs;
        double[] lags = new double[(int) (measure.toSeconds() * 1500 + 1000)];
        int[] count = new int[1];
        // Called on the pacer thread, as the client's send is.
        RequestDispatch dispatch = (sequence, scheduledNs, done) -> {
            long now = System.nanoTime();
            if (scheduledNs - measuredFrom >= 0 && count[0] < lags.length) {
                lags[count[0]++] = (now - scheduledNs) / 1e6;
            }
            done.run();
            return RequestDispatch.Cancellable.NONE;
        };
        new OpenLoopScheduler(new RateArrivals(1000, ArrivalPattern.POISSON, 1, null, 42), Integer.MAX_VALUE,
                Integer.MAX_VALUE, Duration.ofNanos(warmNs).plus(measure), Duration.ofSeconds(1), null, dispatch,
                ScheduleLagMonitor.silent()).run();
        StringBuilder line = new StringBuilder(RESULT);
        for (int i = 0; i < count[0]; i++) {
            line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", lags[i]));
        }
        System.out.println(line);
    }
}
