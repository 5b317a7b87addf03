package io.llmbench.runtime.report.plot;

/**
 * One rendered chart.
 *
 * @param fileName the PNG's file name, e.g. {@code time_to_first_token_over_time.png}
 * @param title what it shows, for captions
 * @param png the PNG bytes
 */
public record Plot(String fileName, String title, byte[] png) {
}
