package org.weightscope.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV we hand out: RFC 4180 (Commons CSV), CRLF, the citation as a leading {@code # } line, then a
 * header and the rows. Cells are neutralised against CSV (formula) injection as OWASP recommends: a cell, or a
 * part of it after a {@code , ; |} or tab separator, that starts with {@code = + - @}, tab or CR gets a
 * {@code '} in front and the cell is quoted, so no spreadsheet runs it, whatever separator it splits on.
 * Plain numbers ({@code -1.5}) are left as they are. Cells holding {@code ;} are quoted too, so
 * spreadsheets set to {@code ;} as separator keep list cells ({@code CN;US}) whole.
 */
public final class CsvWriter {

    private static final CSVFormat MINIMAL =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat QUOTED =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String TRIGGERS = "=+-@\t\r";
    private static final String SEPARATORS = ",;|\t";

    private final StringBuilder out = new StringBuilder();

    /** @param citation the citation text (one line; line breaks are flattened) */
    public CsvWriter(String citation, List<String> header) {
        out.append(comment(citation)).append("\r\n");
        row(header);
    }

    public CsvWriter row(List<?> cells) {
        try {
            boolean first = true;
            for (Object cell : cells) {
                String text = cell(cell);
                String safe = neutralise(text);
                (safe.equals(text) && text.indexOf(';') < 0 ? MINIMAL : QUOTED).print(safe, out, first);
                first = false;
            }
            MINIMAL.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never throws
        }
        return this;
    }

    public CsvWriter rows(List<? extends List<?>> rows) {
        rows.forEach(this::row);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code # text} on one line. */
    static String comment(String text) {
        return "# " + text.replace('\n', ' ').replace('\r', ' ');
    }

    /** A cell's text: null is empty, doubles in plain notation, collections joined with {@code ;}. */
    public static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> number(d);
            case BigDecimal b -> b.toPlainString();
            case Collection<?> c ->
                c.stream().map(x -> x == null ? "" : x.toString()).collect(Collectors.joining(";"));
            default -> value.toString();
        };
    }

    /** Plain decimal notation: spreadsheets and scripts choke less on 12345678.5 than on 1.23456785E7. */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The cell with {@code '} before every part that a spreadsheet would run as a formula. */
    public static String neutralise(String cell) {
        StringBuilder s = new StringBuilder(cell.length() + 4);
        boolean partStart = true;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (partStart && c == ' ') {
                s.append(c); // some spreadsheets trim spaces before they look for '='
                continue;
            }
            if (partStart && TRIGGERS.indexOf(c) >= 0 && !plainNumber(cell, i)) {
                s.append('\'');
            }
            partStart = SEPARATORS.indexOf(c) >= 0;
            s.append(c);
        }
        return s.toString();
    }

    private static boolean plainNumber(String cell, int from) {
        int to = from + 1;
        while (to < cell.length() && SEPARATORS.indexOf(cell.charAt(to)) < 0) {
            to++;
        }
        return NUMBER.matcher(cell.substring(from, to).strip()).matches();
    }
}
