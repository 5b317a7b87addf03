package io.llmbench.processor;

import io.llmbench.annotations.Slo;
import io.llmbench.annotations.SloMetrics;
import io.llmbench.annotations.Slos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads and checks the {@code @Slo} annotations written on one class (directly or in {@code @Slos}). */
final class SloReader {

    private SloReader() {
    }

    /** The valid SLOs of {@code type}; each problem is added to {@code errors} at its value. */
    static List<SloModel> read(TypeElement type, List<CompileError> errors) {
        List<SloModel> slos = new ArrayList<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(Slo.class.getCanonicalName())) {
                readOne(type, mirror, errors, slos);
            } else if (name.equals(Slos.class.getCanonicalName())) {
                AnnotationValue value = BenchmarkValidator.valueOf(mirror, "value");
                if (value != null && value.getValue() instanceof List<?> list) {
                    for (Object element : list) {
                        if (element instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror slo) {
                            readOne(type, slo, errors, slos);
                        }
                    }
                }
            }
        }
        return slos;
    }

    private static void readOne(TypeElement type, AnnotationMirror mirror, List<CompileError> errors,
            List<SloModel> slos) {
        String metric = null;
        String statistic = "";
        double max = Double.NaN;
        double min = Double.NaN;
        AnnotationValue metricValue = null;
        AnnotationValue statisticValue = null;
        AnnotationValue boundValue = null;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            Object raw = entry.getValue().getValue();
            switch (entry.getKey().getSimpleName().toString()) {
                case "metric" -> {
                    metric = raw instanceof String text ? text : null;
                    metricValue = entry.getValue();
                }
                case "statistic" -> {
                    statistic = raw instanceof String text ? text : "";
                    statisticValue = entry.getValue();
                }
                case "max" -> {
                    max = raw instanceof Number number ? number.doubleValue() : Double.NaN;
                    boundValue = entry.getValue();
                }
                case "min" -> {
                    min = raw instanceof Number number ? number.doubleValue() : Double.NaN;
                    boundValue = boundValue == null ? entry.getValue() : boundValue;
                }
                default -> {
                }
            }
        }
        if (metric == null) {
            return; // javac reports a missing or mistyped metric itself
        }
        int before = errors.size();
        boolean runLevel = SloMetrics.RUN_LEVEL_TAGS.contains(metric);
        if (!SloMetrics.GATE_TAGS.contains(metric)) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_UNKNOWN_METRIC, metric, SloMetrics.GATE_TAGS),
                    type, mirror, metricValue));
        } else if (runLevel && !statistic.isEmpty()) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_STATISTIC_ON_RUN_LEVEL, metric, metric),
                    type, mirror, statisticValue));
        } else if (!runLevel && !statistic.isEmpty() && !SloMetrics.STATISTICS.contains(statistic)) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_UNKNOWN_STATISTIC, statistic, metric,
                    SloMetrics.STATISTICS), type, mirror, statisticValue));
        }
        boolean hasMax = boundWritten(mirror, "max");
        boolean hasMin = boundWritten(mirror, "min");
        if (!hasMax && !hasMin) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_NO_BOUND, metric), type, mirror, metricValue));
        } else if (hasMax && hasMin) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_BOTH_BOUNDS, metric), type, mirror,
                    BenchmarkValidator.valueOf(mirror, "min")));
        } else if (!Double.isFinite(hasMax ? max : min)) {
            errors.add(new CompileError(String.format(ErrorMessages.SLO_NOT_FINITE, metric), type, mirror, boundValue));
        }
        if (errors.size() == before) {
            slos.add(new SloModel(metric, runLevel ? "" : statistic.isEmpty() ? "avg" : statistic, max, min));
        }
    }

    private static boolean boundWritten(AnnotationMirror mirror, String name) {
        return BenchmarkValidator.valueOf(mirror, name) != null;
    }
}
