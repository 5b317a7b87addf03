package io.llmbench.runtime.report.plot;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.ResultFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of several runs (a sweep, or runs of different servers), one point per run, each point
 * labelled: output token throughput against the median per-user output token throughput (the
 * median, because a request whose tokens arrive in one burst has a huge 1/ITL; the Pareto view of
 * serving: moving right serves each user faster, moving up serves more in total), and against the
 * median request latency and TTFT. Drawn from the summary files.
 */
public final class ComparisonPlots {

    private ComparisonPlots() {
    }

    /** The plots of {@code runs}; a plot is left out when fewer than one run has both of its values. */
    public static List<Plot> of(List<ResultFolder> runs) {
        System.setProperty("java.awt.headless", "true");
        List<Plot> plots = new ArrayList<>();
        add(plots, runs, "pareto_throughput_vs_per_user.png",
                "Output token throughput against median per-user throughput (Pareto view)",
                MetricTag.OUTPUT_TOKEN_THROUGHPUT_PER_USER, "p50");
        add(plots, runs, "throughput_vs_latency.png", "Output token throughput against median request latency",
                MetricTag.REQUEST_LATENCY, "p50");
        add(plots, runs, "throughput_vs_ttft.png", "Output token throughput against median TTFT",
                MetricTag.TIME_TO_FIRST_TOKEN, "p50");
        return plots;
    }

    private static void add(List<Plot> plots, List<ResultFolder> runs, String file, String title, MetricTag xTag,
            String xStat) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ResultFolder run : runs) {
            OptionalDouble x = run.stat(xTag, xStat);
            OptionalDouble y = run.stat(MetricTag.OUTPUT_TOKEN_THROUGHPUT, "avg");
            if (x.isPresent() && y.isPresent()) {
                xs.add(x.getAsDouble());
                ys.add(y.getAsDouble());
                labels.add(PointLabels.of(run));
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(RunPlots.WIDTH).height(RunPlots.HEIGHT).title(title)
                .xAxisTitle(xTag.displayName() + " " + xStat + " (" + xTag.unit() + ")")
                .yAxisTitle(MetricTag.OUTPUT_TOKEN_THROUGHPUT.label()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAnnotationTextFontColor(java.awt.Color.DARK_GRAY);
        chart.getStyler().setChartPadding(24);
        // Points joined in the order given (a sweep's order), each labelled above itself.
        chart.addSeries("runs", xs, ys).setMarker(SeriesMarkers.CIRCLE);
        double span = ys.stream().mapToDouble(Double::doubleValue).max().orElse(1)
                - ys.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double lift = span > 0 ? span * 0.04 : Math.max(1, Math.abs(ys.get(0)) * 0.02);
        for (int i = 0; i < xs.size(); i++) {
            chart.addAnnotation(new AnnotationText(labels.get(i), xs.get(i), ys.get(i) + lift, false));
        }
        chart.getStyler().setYAxisMax(ys.stream().mapToDouble(Double::doubleValue).max().orElse(1) + 3 * lift);
        plots.add(new Plot(file, title, RunPlots.png(chart)));
    }
}
