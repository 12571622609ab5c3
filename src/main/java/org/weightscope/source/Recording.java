package org.weightscope.source;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything recorded of a source on one day (files of that day merged, fuller bodies winning).
 *
 * @param models   the models, each with the capture file it was last read from
 * @param complete true when the recording is the source's whole listing (OpenRouter's catalogue), so ingest
 *                 may record models missing from it as removed, as after a finished complete crawl; false for
 *                 partial captures (a trending list, one filtered or newest-first page)
 */
public record Recording(String sourceId, LocalDate day, List<String> files, List<Item> models, boolean complete) {

    /** One recorded model and the file it was read from. */
    public record Item(RawItem item, String file) {}

    public Recording {
        files = List.copyOf(files);
        models = List.copyOf(models);
    }
}
