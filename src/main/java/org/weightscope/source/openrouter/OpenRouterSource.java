package org.weightscope.source.openrouter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.weightscope.source.Cursor;
import org.weightscope.source.DefinedSource;
import org.weightscope.source.Fetcher;
import org.weightscope.source.PageSink;
import org.weightscope.source.RawItem;
import org.weightscope.source.RecordedFiles;
import org.weightscope.source.Recording;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourcePage;
import org.weightscope.source.UsagePage;
import org.weightscope.source.browser.HeadlessChromium;

/**
 * OpenRouter as a crawl source, two scopes:
 * <ul>
 * <li>{@code full}: the whole catalogue ({@code /api/v1/models}, one answer). It has no downloads; prices go
 *     in {@code cardData.pricing} so the catalogue history detects price changes, and since the answer is the
 *     complete catalogue (the scope is declared {@code complete}), ingest records models no longer listed
 *     (router-model-removed).</li>
 * <li>{@code usage}: token counts. With a key ({@value OpenRouter#API_KEY_ENV}, read from the environment or a
 *     Spring property of that name) the Data API's {@code rankings-daily} for the last {@value #USAGE_DAYS}
 *     complete days (restated figures overwrite what was stored); without one, the public rankings page read
 *     through Chromium (weekly top list) as the keyless fallback.</li>
 * </ul>
 * Its recordings are the dated {@code /api/v1/models} captures under {@code <fixtures>/openrouter}, each a whole
 * catalogue, so between two recorded days there are added, removed and re-priced models. The scraped weekly
 * top-10 files there are not imported as usage: they name models by display name ("DeepSeek V4 Pro", relabelled
 * "DeepSeek V4 Pro 0423" four hours later), not by slug, and have no long-tail row, so they do not map onto
 * {@link RouterUsage} rows without guessing.
 */
public class OpenRouterSource extends DefinedSource {

    public static final String CATALOGUE = "full";
    public static final String USAGE = "usage";
    static final int USAGE_DAYS = 7;

    private final OpenRouter router;
    private final Supplier<String> apiKey;
    private final Clock clock;

    public OpenRouterSource(SourceDefinition definition, Fetcher fetcher, Supplier<String> apiKey, Clock clock) {
        super(definition);
        this.router = new OpenRouter(fetcher, apiKey);
        this.apiKey = apiKey;
        this.clock = clock;
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        if (USAGE.equals(scope)) {
            sink.usage(usage(from));
            return;
        }
        List<RawItem> items =
                router.fetchCatalogue().stream().map(RouterModel::toRawItem).toList();
        sink.page(SourcePage.whole(
                from, definition.resolve(definition.endpoint("models")).toString(), items));
    }

    /** The dated catalogue captures, one whole catalogue per day ({@link Recording#complete()}). */
    @Override
    public List<Recording> recordings(Path dir) {
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, OpenRouter.HUB, "api-v1-models_", ".json")) {
            List<Recording.Item> items = new ArrayList<>();
            for (RouterModel m : OpenRouter.parseCatalogue(RecordedFiles.read(file))) {
                items.add(new Recording.Item(m.toRawItem(), file.name()));
            }
            out.add(new Recording(OpenRouter.HUB, file.day(), List.of(file.name()), items, true));
        }
        return out;
    }

    private UsagePage usage(Cursor from) {
        String key = apiKey.get();
        Cursor done = new Cursor(1, from.page() + 1, null, 0);
        if (key != null && !key.isBlank()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            RankingsDaily daily = router.fetchRankingsDaily(today.minusDays(USAGE_DAYS), today.minusDays(1));
            return new UsagePage(
                    from.page() + 1,
                    definition.resolve(definition.endpoint("rankingsDaily")).toString(),
                    rows(daily.rows()),
                    daily.asOf(),
                    daily.citation() + " " + OpenRouter.LICENCE_NOTE,
                    done);
        }
        // keyless fallback: the public page, built by its JavaScript, read in Chromium
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            List<RouterUsage> rows = router.readRankingsPage(chromium, clock);
            String asOf = Instant.now(clock).toString();
            return new UsagePage(
                    from.page() + 1,
                    definition.resolve(definition.endpoint("rankingsPage")).toString(),
                    rows(rows),
                    asOf,
                    OpenRouter.CITATION_TEMPLATE.replace("{as_of}", asOf),
                    done);
        }
    }

    static List<UsagePage.Row> rows(List<RouterUsage> rows) {
        List<UsagePage.Row> out = new ArrayList<>(rows.size());
        for (RouterUsage r : rows) {
            out.add(new UsagePage.Row(
                    r.day(), r.window().name().toLowerCase(Locale.ROOT), r.modelSlug(), r.tokens(), r.longTail()));
        }
        return out;
    }
}
