package org.weightscope.api;

import java.util.List;
import org.weightscope.shared.CsvWriter;

/** The read API's CSV: the shared {@link CsvWriter} with the answer's citation as its first line. */
final class Csv {

    private final CsvWriter out;

    Csv(Citation citation, List<String> header) {
        out = new CsvWriter(citation.text(), header);
    }

    Csv row(List<?> fields) {
        out.row(fields);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
