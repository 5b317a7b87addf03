package io.llmbench.runtime.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes written on a class's {@code @Output} (and its superclasses'), with the annotation's
 * "unset" sentinels for the others.
 *
 * @param exportLevel {@code summary}, {@code records}, {@code raw} or {@code ""}
 * @param sliceDuration seconds, or {@code NaN}
 * @param plots one value, or none when not written
 * @param artifactDir the exports' root folder, or {@code ""}
 */
public record AnnotatedOutput(String exportLevel, double sliceDuration, boolean[] plots, String artifactDir) {

    public AnnotatedOutput {
        plots = plots.clone();
    }

    @Override
    public boolean[] plots() {
        return plots.clone();
    }

    /** Nothing written. */
    public static AnnotatedOutput unset() {
        return new AnnotatedOutput("", Double.NaN, new boolean[0], "");
    }

    /** The written attributes by name, each as Java source would write it. */
    Map<String, String> written() {
        Map<String, String> written = new LinkedHashMap<>();
        AnnotatedEndpoint.putString(written, "exportLevel", exportLevel);
        if (!Double.isNaN(sliceDuration)) {
            written.put("sliceDuration", Double.toString(sliceDuration));
        }
        if (plots.length > 0) {
            written.put("plots", Boolean.toString(plots[0]));
        }
        AnnotatedEndpoint.putString(written, "artifactDir", artifactDir);
        return written;
    }
}
