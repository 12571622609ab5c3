package org.weightscope.dashboard;

import java.util.List;
import org.weightscope.shared.CsvWriter;

/** The dashboard's CSV downloads: the shared {@link CsvWriter} with the chart's citation as its first line. */
final class Csv {

    private Csv() {}

    static String of(String citation, List<String> header, List<List<String>> rows) {
        return new CsvWriter(citation, header).rows(rows).toString();
    }
}
