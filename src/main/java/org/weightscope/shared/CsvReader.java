package org.weightscope.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads uploaded CSV (RFC 4180, Commons CSV): quoted fields may hold the delimiter, line breaks and doubled
 * quotes. A record Commons CSV cannot read (a quote never closed, text after a closing quote) comes back with
 * an error and reading goes on at the next line, so the caller can skip just that row. Blank lines and
 * lines starting with {@code #} (our own exports' citation line) are skipped but still counted, so row numbers
 * match what a spreadsheet shows.
 */
public final class CsvReader {

    /**
     * @param row    1-based record number (header = 1), the "row" a spreadsheet user sees
     * @param fields the cells, unquoted
     * @param error  why the record is broken, or null
     */
    public record Record(int row, List<String> fields, String error) {}

    private CsvReader() {}

    /** Picks ',' unless the first line only uses ';' or tabs (Excel in many European locales writes ';'). */
    public static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf(';') >= 0) return ';';
        if (first.indexOf('\t') >= 0) return '\t';
        return ',';
    }

    /** Reads at most {@code maxRecords}+1 records, so an oversize file is detected without reading it all. */
    public static List<Record> read(String text, char delim, int maxRecords) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delim)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true) // spaces around a quoted field, as spreadsheets write them
                .get();
        List<Record> out = new ArrayList<>();
        int from = 0;
        int row = 0;
        while (from < text.length() && out.size() <= maxRecords) {
            String rest = text.substring(from);
            try (CSVParser parser = format.parse(new StringReader(rest))) {
                var records = parser.iterator();
                try {
                    while (records.hasNext() && out.size() <= maxRecords) {
                        CSVRecord r = records.next();
                        row += commentLines(r);
                        row++;
                        if (r.size() == 1 && r.get(0).isBlank()) {
                            continue; // a blank line
                        }
                        out.add(new Record(row, r.toList(), null));
                    }
                    return out;
                } catch (UncheckedIOException e) {
                    row++;
                    out.add(new Record(row, List.of(), reason(e)));
                    // the parser's line number is then the (1-based) line of the bad character: go on after it
                    from += afterLine(rest, Math.max(0, parser.getCurrentLineNumber() - 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringReader never throws
            }
        }
        return out;
    }

    private static int commentLines(CSVRecord r) {
        String comment = r.getComment();
        return comment == null
                ? 0
                : (int) comment.chars().filter(c -> c == '\n').count() + 1;
    }

    private static String reason(UncheckedIOException e) {
        String m = String.valueOf(
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (m.contains("EOF")) {
            return "a quoted field is never closed (missing \")";
        }
        if (m.contains("encapsulated token")) {
            return "text after a closing quote (write \"\" for a quote inside a quoted field)";
        }
        return "the row cannot be read as CSV";
    }

    /** Offset just after the line break that ends line {@code lines}+1 (lines counted from 0). */
    private static int afterLine(String text, long lines) {
        int i = 0;
        long breaks = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            if ((c == '\n' || c == '\r') && ++breaks > lines) {
                return i;
            }
        }
        return text.length();
    }
}
