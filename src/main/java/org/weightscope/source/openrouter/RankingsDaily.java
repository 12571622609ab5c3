package org.weightscope.source.openrouter;

import java.time.LocalDate;
import java.util.List;

/**
 * One answer of the Data API's {@code rankings-daily}: the rows and the {@code meta} block that must be
 * kept with any number published from them (figures may be restated later).
 *
 * @param asOf raw {@code meta.as_of} as OpenRouter wrote it; the citation quotes it verbatim
 */
public record RankingsDaily(
        List<RouterUsage> rows, String asOf, String version, LocalDate startDate, LocalDate endDate) {

    public RankingsDaily {
        rows = List.copyOf(rows);
    }

    /** The citation line OpenRouter requires with any republished figure (CC BY 4.0 attribution). */
    public String citation() {
        return OpenRouter.CITATION_TEMPLATE.replace("{as_of}", asOf);
    }
}
