package io.llmbench.runtime.report.plot;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmbench.runtime.report.ResultFolder;

/** The label of a run's point: its sweep point or concurrency when the summary says, else its folder name. */
public final class PointLabels {

    private PointLabels() {
    }

    /** {@code c=4}, {@code isl=512 c=8}, or the folder's name. */
    public static String of(ResultFolder run) {
        JsonNode config = run.summary().path("input_config");
        StringBuilder label = new StringBuilder();
        config.path("sweep_point").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("concurrency")) {
                label.append(e.getKey()).append('=').append(e.getValue().asText()).append(' ');
            }
        });
        JsonNode concurrency = config.path("load").path("concurrency");
        if (concurrency.isNumber()) {
            label.append("c=").append(concurrency.asInt());
            return label.toString();
        }
        return label.length() > 0 ? label.toString().strip() : run.label();
    }
}
