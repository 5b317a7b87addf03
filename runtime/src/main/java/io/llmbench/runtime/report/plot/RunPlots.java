package io.llmbench.runtime.report.plot;

import io.llmbench.runtime.metrics.MetricTag;
import io.llmbench.runtime.report.ExportedRecord;
import io.llmbench.runtime.report.ResultFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of one run, drawn from its per-request records: TTFT, ITL and request latency of each
 * valid profiling request over the run's time (seconds after the first request started), and the
 * distribution of each (a histogram of request counts). Nothing is drawn for a metric without values.
 */
public final class RunPlots {

    /** The metrics plotted. */
    public static final List<MetricTag> TAGS = List.of(MetricTag.TIME_TO_FIRST_TOKEN, MetricTag.INTER_TOKEN_LATENCY,
            MetricTag.REQUEST_LATENCY);

    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final int BINS = 40;

    private RunPlots() {
    }

    /** The plots of {@code run} (empty when it has no records). */
    public static List<Plot> of(ResultFolder run) {
        System.setProperty("java.awt.headless", "true");
        List<Plot> plots = new ArrayList<>();
        if (!run.hasRecords()) {
            return plots;
        }
        List<ExportedRecord> valid = run.records().stream()
                .filter(r -> r.profiling() && r.valid() && r.startNs() != ExportedRecord.ABSENT).toList();
        long origin = valid.stream().mapToLong(ExportedRecord::startNs).min().orElse(0);
        for (MetricTag tag : TAGS) {
            List<ExportedRecord> with = valid.stream().filter(r -> r.values().containsKey(tag)).toList();
            if (with.isEmpty()) {
                continue;
            }
            double[] x = with.stream().mapToDouble(r -> (r.startNs() - origin) / 1e9).toArray();
            double[] y = with.stream().mapToDouble(r -> r.value(tag)).toArray();
            plots.add(overTime(tag, x, y));
            plots.add(distribution(tag, y));
        }
        return plots;
    }

    private static Plot overTime(MetricTag tag, double[] x, double[] y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(tag.displayName() + " over time")
                .xAxisTitle("seconds since the first request started").yAxisTitle(tag.label()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.addSeries(y.length + " requests, at their start", x, y).setMarker(SeriesMarkers.CIRCLE);
        return new Plot(tag.tag() + "_over_time.png", tag.displayName() + " of each request over time", png(chart));
    }

    private static Plot distribution(MetricTag tag, double[] values) {
        List<Double> data = new ArrayList<>(values.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            data.add(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max <= min) {
            max = min + 1;
        }
        Histogram histogram = new Histogram(data, BINS, min, max);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(tag.displayName() + " distribution")
                .xAxisTitle(tag.label()).yAxisTitle("requests").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        chart.addSeries(values.length + " requests, " + BINS + " bins", histogram.getxAxisData(),
                histogram.getyAxisData()).setMarker(SeriesMarkers.NONE);
        return new Plot(tag.tag() + "_distribution.png", tag.displayName() + " distribution", png(chart));
    }

    static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a plot as PNG", e);
        }
    }
}
