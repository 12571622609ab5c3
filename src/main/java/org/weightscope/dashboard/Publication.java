package org.weightscope.dashboard;

import java.util.List;

/**
 * What makes a chart publishable beyond its picture: the same figures as a table, the stable API URLs of exactly
 * this figure (CSV and JSON, no session needed), a permalink (language included) and a chrome-less embed route.
 * Any URL may be null where the figure has no single API answer.
 */
record Publication(
        List<String> header,
        List<List<String>> rows,
        String csvUrl,
        String jsonUrl,
        String permalink,
        String embedUrl) {

    Publication {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
