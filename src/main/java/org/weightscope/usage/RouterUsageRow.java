package org.weightscope.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One stored usage row: document id {@code <window>:<day>:<slug>}, so a day fetched again (OpenRouter may
 * restate figures) overwrites its row and nothing is counted twice.
 *
 * @param window        {@code day} (Data API) or {@code week} (public rankings page, dated the day it was read)
 * @param modelSlug     the permaslug as OpenRouter counts it ({@code :free} variants separate), or {@code other}
 * @param longTail      the {@code other} row: every model outside the day's top 50; no origin by construction
 * @param modelId       the catalogue model the slug resolved to ({@code hf:…} or {@code or:…}), or null
 * @param attributedVia {@code huggingface} (the OpenRouter model's hugging_face_id, stored on HF),
 *                      {@code openrouter} (its author prefix through the registry), {@code unattributed}
 *                      or {@code long-tail}
 * @param credit        the tokens credited to countries, per origin view (empty for the long tail)
 * @param asOf          the source's {@code as_of}, verbatim
 * @param citation      the citation line OpenRouter requires (CC BY 4.0)
 * @param ruleVersion   the attribution rule version the credit was computed with
 */
public record RouterUsageRow(
        String id,
        LocalDate day,
        String window,
        String modelSlug,
        boolean longTail,
        long tokens,
        String modelId,
        String attributedVia,
        List<Credit> credit,
        String asOf,
        String citation,
        String licence,
        String ruleVersion,
        String runId,
        Instant storedAt) {

    public static final String LICENCE = "CC BY 4.0";

    public RouterUsageRow {
        credit = credit == null ? List.of() : List.copyOf(credit);
    }

    /** Tokens credited to one country in one view; the shares of one view sum to 1. */
    public record Credit(String view, String country, double share, double tokens) {}
}
