package org.weightscope.source;

import java.time.LocalDate;
import java.util.List;
import org.weightscope.catalogue.CatalogueService.Observation;

/**
 * Everything recorded of a source on one day (files of that day merged, fuller bodies winning).
 *
 * @param complete true when the recording is the source's whole listing (OpenRouter's catalogue), so ingest
 *                 may record models missing from it as removed, as after a finished full crawl; false for
 *                 partial captures (a trending list, one filtered or newest-first page)
 */
public record Recording(String sourceId, LocalDate day, List<String> files, List<Observation> models, boolean complete) {

    /** A partial capture: nothing is inferred from the models it does not list. */
    public Recording(String sourceId, LocalDate day, List<String> files, List<Observation> models) {
        this(sourceId, day, files, models, false);
    }
}
