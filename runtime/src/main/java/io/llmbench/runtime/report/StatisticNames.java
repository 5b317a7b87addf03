package io.llmbench.runtime.report;

import io.llmbench.runtime.metrics.Statistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statistics of a metric by their export names ({@code avg}, {@code min}, ..., {@code std}), in export order. */
public final class StatisticNames {

    /** The export names, in the order the files write them. */
    public static final List<String> NAMES = List.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75",
            "p90", "p95", "p99", "std");

    private StatisticNames() {
    }

    /** {@code s}'s values by export name, in export order. */
    public static Map<String, Double> of(Statistics s) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("avg", s.avg());
        map.put("min", s.min());
        map.put("max", s.max());
        map.put("p1", s.p1());
        map.put("p5", s.p5());
        map.put("p10", s.p10());
        map.put("p25", s.p25());
        map.put("p50", s.p50());
        map.put("p75", s.p75());
        map.put("p90", s.p90());
        map.put("p95", s.p95());
        map.put("p99", s.p99());
        map.put("std", s.std());
        return map;
    }
}
