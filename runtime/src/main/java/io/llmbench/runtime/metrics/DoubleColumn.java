package io.llmbench.runtime.metrics;

import java.util.Arrays;

/** A growable array of primitive doubles: the values of one metric, one per request. */
public final class DoubleColumn {

    private double[] values = new double[64];
    private int size;

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /** The statistics of the values added so far, or {@code null} when there are none. */
    public Statistics statistics() {
        return size == 0 ? null : Statistics.of(values, size);
    }
}
