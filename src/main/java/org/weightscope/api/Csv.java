package org.weightscope.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV with the citation as a leading {@code # } comment line, so a file passed around on its own
 * still says where its numbers come from.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(Citation citation, List<String> header) {
        out.append("# ").append(citation.text().replace('\n', ' ').replace('\r', ' ')).append("\r\n");
        row(header);
    }

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object value) {
        String s = switch (value) {
            case null -> "";
            case Double d -> number(d);
            case Collection<?> c -> c.stream().map(x -> x == null ? "" : x.toString()).collect(Collectors.joining(";"));
            default -> value.toString();
        };
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.indexOf(';') >= 0 || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Plain decimal notation: spreadsheets and scripts choke less on 12345678.5 than on 1.23456785E7. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
