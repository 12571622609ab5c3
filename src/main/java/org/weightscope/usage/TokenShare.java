package org.weightscope.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Router tokens by origin over a day or an ISO week, in one origin view.
 *
 * @param window         {@code day} or {@code week}
 * @param days           the days whose rows were summed (a week may be incomplete)
 * @param rowWindow      the window of the rows summed: {@code day} (Data API) or {@code week} (rankings page)
 * @param byOrigin       country (ISO code or {@code unattributed}) → tokens, largest first; the long tail
 *                       is NOT in it
 * @param longTailTokens the {@code other} rows: {@link #LONG_TAIL}, reported apart, never dropped or spread
 * @param totalTokens    every row, long tail included (= sum of byOrigin + longTailTokens)
 * @param asOf           newest {@code as_of} of the rows
 * @param citation       the citation line to publish with any figure
 */
public record TokenShare(
        String window,
        LocalDate from,
        LocalDate to,
        List<LocalDate> days,
        String rowWindow,
        String view,
        List<OriginTokens> byOrigin,
        long longTailTokens,
        double longTailShare,
        long totalTokens,
        String asOf,
        String citation,
        String caveat,
        String ruleVersion) {

    public static final String LONG_TAIL = "unattributed long tail";

    /** OpenRouter's own caveats on these numbers (Data API documentation), shown with every answer. */
    public static final String CAVEAT = "Public OpenRouter traffic only (private models, private endpoints and "
            + "zero-data-retention traffic are excluded). Token counts come from each provider's own tokenizer, so a "
            + "token in one row is not directly comparable to a token from another provider; the 'other' row (every "
            + "model outside the day's top 50) is a coarse magnitude only and has no origin: it is reported as the "
            + "unattributed long tail. Figures may be restated later.";

    public TokenShare {
        days = List.copyOf(days);
        byOrigin = List.copyOf(byOrigin);
    }

    public boolean empty() {
        return days.isEmpty();
    }

    /** @param share of {@link #totalTokens()} (long tail included in the denominator) */
    public record OriginTokens(String origin, BigDecimal tokens, double share) {}
}
