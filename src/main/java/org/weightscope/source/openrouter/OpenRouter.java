package org.weightscope.source.openrouter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.weightscope.source.Fetcher;
import org.weightscope.source.browser.HeadlessChromium;

/**
 * OpenRouter: the model catalogue (no key), daily token usage from the Data API (key in
 * {@value #API_KEY_ENV}) and, without a key, the public rankings page read through Chromium.
 * Configured by crawlers/openrouter.yaml.
 */
public final class OpenRouter {

    public static final String HUB = "openrouter";
    public static final String API_KEY_ENV = "OPENROUTER_API_KEY";

    /** OpenRouter's required citation for Data API figures (data-api.mdx, "Acceptable use and attribution"). */
    public static final String CITATION_TEMPLATE = "Source: OpenRouter (openrouter.ai/rankings), as of {as_of}.";
    /** Appended to the citation when the data itself (not a figure from it) is republished. */
    public static final String LICENCE_NOTE = "Licensed under CC BY 4.0.";

    private final Fetcher http;
    private final Supplier<String> apiKey;

    /** @param apiKey read only when the Data API is called */
    public OpenRouter(Fetcher http, Supplier<String> apiKey) {
        this.http = Objects.requireNonNull(http);
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** {@code GET {baseUrl}/api/v1/models}: the whole catalogue in one answer, no key needed. */
    public List<RouterModel> fetchCatalogue() {
        return parseCatalogue(http.get(http.source().endpoint("models"), Map.of()));
    }

    /**
     * {@code GET {baseUrl}/api/v1/datasets/rankings-daily}, both dates inclusive (UTC, at most 366 days).
     * The key goes in the Authorization header only; it is never part of a URL, message or log line. Only rows
     * of the days asked for are kept: a row of another day (today's, still incomplete) would otherwise be
     * stored as that day's figure and become "the latest day" (the guard the removed test-only
     * {@code tokensByOrigin} had, by summing only the rows of its day).
     */
    public RankingsDaily fetchRankingsDaily(LocalDate start, LocalDate end) {
        if (start.isAfter(end)) throw new IllegalArgumentException("start " + start + " is after end " + end);
        String key = apiKey.get();
        if (key == null || key.isBlank()) {
            throw new OpenRouterException("rankings-daily needs an API key in the environment variable " + API_KEY_ENV);
        }
        String path = http.source().endpoint("rankingsDaily") + "?start_date=" + start + "&end_date=" + end;
        RankingsDaily all = parseRankingsDaily(http.get(path, Map.of("Authorization", "Bearer " + key.strip())));
        List<RouterUsage> asked = all.rows().stream()
                .filter(r -> !r.day().isBefore(start) && !r.day().isAfter(end))
                .toList();
        return new RankingsDaily(asked, all.asOf(), all.version(), all.startDate(), all.endDate());
    }

    /** The public rankings page (weekly top list) through Chromium; no key. */
    public List<RouterUsage> readRankingsPage(HeadlessChromium chromium, Clock clock) {
        return new RankingsPageReader(http, chromium, clock, RankingsPageReader.DEFAULT_WAIT).read();
    }

    public static List<RouterModel> parseCatalogue(String json) {
        return CatalogueParser.parse(json);
    }

    public static RankingsDaily parseRankingsDaily(String json) {
        return RankingsDailyParser.parse(json);
    }
}
