package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader: quoted fields may hold the delimiter, line breaks and doubled quotes. Kept tiny and
 * dependency-free; a record that cannot be read (quote never closed, text after a closing quote) is returned
 * with an error so the caller can skip just that row.
 */
final class CsvReader {

    /**
     * @param row    1-based record number (header = 1), the "row" a spreadsheet user sees
     * @param fields the cells, unquoted
     * @param error  why the record is broken, or null
     */
    record Record(int row, List<String> fields, String error) {}

    private CsvReader() {}

    /** Picks ',' unless the first line only uses ';' or tabs (Excel in many European locales writes ';'). */
    static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (first.indexOf(',') >= 0) return ',';
        if (first.indexOf(';') >= 0) return ';';
        if (first.indexOf('\t') >= 0) return '\t';
        return ',';
    }

    /**
     * Reads every record; blank lines and lines starting with '#' (e.g. our own export's citation line) are
     * skipped but still counted, so row numbers match what the user sees. Stops after {@code maxRecords}+1
     * records so an oversize file is detected without reading it all.
     */
    static List<Record> read(String text, char delim, int maxRecords) {
        List<Record> out = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        int row = 0;
        while (pos < n && out.size() <= maxRecords) {
            row++;
            int lineEnd = lineEnd(text, pos);
            String line = text.substring(pos, lineEnd);
            if (line.isBlank() || line.startsWith("#")) {
                pos = next(text, lineEnd);
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            String error = null;
            int i = pos;
            int startRow = row;
            boolean done = false;
            while (!done) {
                if (i >= n) {
                    fields.add(cell.toString());
                    break;
                }
                char c = text.charAt(i);
                if (c == '"' && cell.toString().isBlank()) {
                    cell.setLength(0);
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = text.charAt(i);
                        if (q == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            closed = true;
                            i++;
                            break;
                        }
                        cell.append(q);
                        i++;
                    }
                    if (!closed) {
                        error = "a quoted field is never closed (missing \")";
                        fields.add(cell.toString());
                        i = n;
                        break;
                    }
                    // after the closing quote only spaces, the delimiter or the end of the line may follow
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && text.charAt(i) != delim) i++;
                    if (i < n && text.charAt(i) != delim && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        error = "text after a closing quote (write \"\" for a quote inside a quoted field)";
                        int end = lineEnd(text, i);
                        fields.add(cell.toString());
                        i = end;
                        done = true;
                        continue;
                    }
                    continue;
                }
                if (c == delim) {
                    fields.add(cell.toString());
                    cell.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    fields.add(cell.toString());
                    done = true;
                } else {
                    cell.append(c);
                    i++;
                }
            }
            out.add(new Record(startRow, fields, error));
            pos = next(text, lineEnd(text, Math.min(i, n)));
        }
        return out;
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
        return i;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') lineEnd++;
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') lineEnd++;
        return lineEnd;
    }
}
