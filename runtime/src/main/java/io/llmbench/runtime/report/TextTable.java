package io.llmbench.runtime.report;

import java.util.List;

/** A plain-text table whose column widths come from its cells: the layout of every console table. */
final class TextTable {

    private TextTable() {
    }

    static String layout(List<String> header, List<List<String>> rows, boolean[] rightAligned) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, rightAligned);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths, rightAligned);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] rightAligned) {
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                out.append(" | ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            if (rightAligned[c]) {
                out.append(pad).append(cell);
            } else {
                out.append(cell);
                if (c < widths.length - 1) {
                    out.append(pad);
                }
            }
        }
        out.append('\n');
    }
}
