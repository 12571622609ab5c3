package org.weightscope.source;

import java.time.LocalDate;
import java.util.List;

/**
 * One fetched page of token usage (OpenRouter's rankings): not models, so it is handed to
 * {@link PageSink#usage} rather than {@link PageSink#page}.
 *
 * @param number   the page's number within the run
 * @param url      where it was read (never carries a key)
 * @param rows     the rows as the source states them, the long-tail row included
 * @param asOf     the source's own "as of" text, quoted verbatim in the citation
 * @param citation the citation line the source requires with any figure (and its licence)
 * @param resume   the cursor to store once this page is stored
 */
public record UsagePage(int number, String url, List<Row> rows, String asOf, String citation, Cursor resume) {

    public UsagePage {
        rows = List.copyOf(rows);
    }

    /**
     * @param window   {@code day} (Data API) or {@code week} (the public rankings page's weekly list)
     * @param longTail the aggregated row of every model outside the top list ({@code other})
     */
    public record Row(LocalDate day, String window, String modelSlug, long tokens, boolean longTail) {}
}
