package org.weightscope.source.openrouter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day's OpenRouter tokens credited to countries of origin.
 *
 * @param tokensByCountry ISO code (or "unattributed" when the registry does not back an origin) → tokens;
 *                        fractional where a model has joint origins
 * @param longTailTokens  the {@code other} row: models outside the top 50, origin unknown by construction;
 *                        reported as {@link #LONG_TAIL}, never dropped and never spread over countries
 * @param totalTokens     all rows of the day, long tail included (= sum of the map + longTailTokens)
 */
public record UsageByOrigin(LocalDate day, Map<String, BigDecimal> tokensByCountry, long longTailTokens, long totalTokens) {

    public static final String LONG_TAIL = "unattributed long tail";

    public UsageByOrigin {
        tokensByCountry = Map.copyOf(tokensByCountry);
    }
}
