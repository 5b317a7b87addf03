package io.llmbench.runtime.compare;

import io.llmbench.runtime.report.DisplayNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders metric changes as a plain-text table whose column widths follow the data. */
public final class ComparisonTable {

    private static final String[] HEADER = {"Metric", "stat", "baseline", "candidate", "change", "p-value",
        "verdict"};

    private ComparisonTable() {
    }

    /** The table, one row per change, with a title line naming the two runs. */
    public static String render(String baseline, String candidate, List<MetricChange> changes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MetricChange c : changes) {
            rows.add(new String[] {c.tag().label(), c.stat(), DisplayNumbers.grouped(c.baseline()),
                DisplayNumbers.grouped(c.candidate()),
                Double.isNaN(c.changePct()) ? "N/A" : String.format(Locale.ROOT, "%+.2f%%", c.changePct()),
                Double.isNaN(c.pValue()) ? "N/A" : String.format(Locale.ROOT, "%.4f", c.pValue()),
                c.verdict().text()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("Comparison: ").append(candidate).append(" against baseline ")
                .append(baseline).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 || i == row.length - 1 ? pad(row[i], widths[i], false)
                        : pad(row[i], widths[i], true);
                out.append(i == 0 ? "" : " | ").append(cell);
            }
            // The verdict column is left-aligned: no trailing blanks after the last cell.
            while (out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }
}
