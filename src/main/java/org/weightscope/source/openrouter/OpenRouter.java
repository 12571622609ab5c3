package org.weightscope.source.openrouter;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.source.browser.HeadlessChromium;
import org.weightscope.source.browser.PoliteHttpClient;
import org.weightscope.source.browser.SourceDefinition;

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

    private final PoliteHttpClient http;
    private final Supplier<String> apiKey;

    /** Reads the key from the environment only when the Data API is called. */
    public OpenRouter(SourceDefinition source) {
        this(new PoliteHttpClient(source), () -> System.getenv(API_KEY_ENV));
    }

    public OpenRouter(PoliteHttpClient http, Supplier<String> apiKey) {
        this.http = Objects.requireNonNull(http);
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** {@code GET {baseUrl}/api/v1/models}: the whole catalogue in one answer, no key needed. */
    public List<RouterModel> fetchCatalogue() {
        return parseCatalogue(http.get(http.source().endpoint("models"), Map.of()));
    }

    /**
     * {@code GET {baseUrl}/api/v1/datasets/rankings-daily}, both dates inclusive (UTC, at most 366 days).
     * The key goes in the Authorization header only; it is never part of a URL, message or log line.
     */
    public RankingsDaily fetchRankingsDaily(LocalDate start, LocalDate end) {
        if (start.isAfter(end)) throw new IllegalArgumentException("start " + start + " is after end " + end);
        String key = apiKey.get();
        if (key == null || key.isBlank()) {
            throw new OpenRouterException("rankings-daily needs an API key in the environment variable " + API_KEY_ENV);
        }
        String path = http.source().endpoint("rankingsDaily") + "?start_date=" + start + "&end_date=" + end;
        return parseRankingsDaily(http.get(path, Map.of("Authorization", "Bearer " + key.strip())));
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

    /**
     * Events from one catalogue snapshot to the next: added and removed ids, and price changes (prompt or
     * completion, compared as numbers so "0.00000026" equals "0.000000260"). Order: added, removed, price
     * changes, each in the order of the snapshot they come from.
     */
    public static List<CatalogueEvent> diff(List<RouterModel> before, List<RouterModel> after) {
        Map<String, RouterModel> old = byId(before);
        Map<String, RouterModel> now = byId(after);
        List<CatalogueEvent> events = new ArrayList<>();
        now.forEach((id, m) -> {
            if (!old.containsKey(id)) events.add(new CatalogueEvent.ModelAdded(m));
        });
        old.forEach((id, m) -> {
            if (!now.containsKey(id)) events.add(new CatalogueEvent.ModelRemoved(m));
        });
        now.forEach((id, m) -> {
            RouterModel o = old.get(id);
            if (o != null && (!samePrice(o.promptPrice(), m.promptPrice()) || !samePrice(o.completionPrice(), m.completionPrice()))) {
                events.add(new CatalogueEvent.PriceChange(id, o.promptPrice(), m.promptPrice(), o.completionPrice(), m.completionPrice()));
            }
        });
        return events;
    }

    /**
     * Tokens of one day credited to countries of origin. Each model row's tokens go to the countries its
     * origin lookup returns, in proportion to their shares (a joint origin gets fractional credit); a model
     * the lookup knows nothing about is credited to {@link Attribution#UNATTRIBUTED}. The {@code other} row is
     * not a model and has no origin: it is returned apart as the unattributed long tail.
     *
     * @param originOf permaslug → origin shares (as {@link Attribution#lineageOrigin()}), empty if unknown
     */
    public static UsageByOrigin tokensByOrigin(LocalDate day, List<RouterUsage> rows,
                                               Function<String, List<OriginShare>> originOf) {
        Map<String, BigDecimal> byCountry = new TreeMap<>();
        long longTail = 0;
        long total = 0;
        for (RouterUsage r : rows) {
            if (!r.day().equals(day)) continue;
            total = Math.addExact(total, r.tokens());
            if (r.longTail()) {
                longTail = Math.addExact(longTail, r.tokens());
                continue;
            }
            List<OriginShare> shares = originOf.apply(r.modelSlug());
            if (shares == null || shares.isEmpty()) {
                byCountry.merge(Attribution.UNATTRIBUTED, BigDecimal.valueOf(r.tokens()), BigDecimal::add);
                continue;
            }
            for (OriginShare s : shares) {
                BigDecimal credit = BigDecimal.valueOf(r.tokens()).multiply(BigDecimal.valueOf(s.share()));
                byCountry.merge(s.country(), credit, BigDecimal::add);
            }
        }
        return new UsageByOrigin(day, byCountry, longTail, total);
    }

    private static Map<String, RouterModel> byId(List<RouterModel> models) {
        Map<String, RouterModel> m = new LinkedHashMap<>();
        for (RouterModel r : models) m.put(r.id(), r);
        return m;
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
