package org.weightscope.dashboard;

import java.util.List;

/** RFC 4180 CSV with the citation as its first line. */
final class Csv {

    private Csv() {}

    static String of(String citation, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(citation).append("\r\n");
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            // a leading =,+,-,@ would be run as a formula by spreadsheets: quote and prefix it
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            out.append(c);
        }
        out.append("\r\n");
    }
}
