package io.llmbench.runtime.run;

import io.llmbench.runtime.metrics.Accuracy;
import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.metrics.RunSummary;
import io.llmbench.runtime.metrics.Statistics;
import io.llmbench.runtime.spec.SloThreshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges a run's metrics against its {@code @Slo}s. */
public final class SloEvaluator {

    private SloEvaluator() {
    }

    /** One verdict per SLO, in order. A metric the run did not measure misses its SLO. */
    public static List<SloVerdict> evaluate(List<SloThreshold> slos, RunSummary summary, Accuracy accuracy) {
        List<SloVerdict> verdicts = new ArrayList<>();
        for (SloThreshold slo : slos) {
            double measured;
            String unit;
            if (slo.metric().equals("accuracy")) {
                measured = accuracy == null ? Double.NaN : accuracy.fraction();
                unit = "";
            } else {
                Optional<MetricTag> tag = MetricTag.fromTag(slo.metric());
                unit = tag.map(MetricTag::unit).orElse("");
                measured = tag.map(t -> measure(t, slo.statistic(), summary)).orElse(Double.NaN);
            }
            boolean met = !Double.isNaN(measured)
                    && (Double.isNaN(slo.max()) ? measured >= slo.min() : measured <= slo.max());
            verdicts.add(new SloVerdict(slo, measured, unit, met));
        }
        return verdicts;
    }

    private static double measure(MetricTag tag, String statistic, RunSummary summary) {
        if (statistic.isEmpty()) {
            return summary.runLevel(tag).orElse(Double.NaN);
        }
        return summary.statistics(tag).map(s -> pick(s, statistic)).orElse(Double.NaN);
    }

    private static double pick(Statistics s, String statistic) {
        return switch (statistic) {
            case "avg" -> s.avg();
            case "min" -> s.min();
            case "max" -> s.max();
            case "p1" -> s.p1();
            case "p5" -> s.p5();
            case "p10" -> s.p10();
            case "p25" -> s.p25();
            case "p50" -> s.p50();
            case "p75" -> s.p75();
            case "p90" -> s.p90();
            case "p95" -> s.p95();
            case "p99" -> s.p99();
            case "std" -> s.std();
            default -> Double.NaN;
        };
    }
}
