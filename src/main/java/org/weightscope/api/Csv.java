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

    /** The CSV as an inline answer named {@code weightscope-<name>.csv}. */
    org.springframework.http.ResponseEntity<String> response(String name) {
        return Csv.response(out, name);
    }

    /** Any CSV as an inline answer named {@code weightscope-<name>.csv}. */
    static org.springframework.http.ResponseEntity<String> response(CsvWriter csv, String name) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(ApiController.TEXT_CSV)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"weightscope-" + name + ".csv\"")
                .body(csv.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
