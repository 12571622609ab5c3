package org.weightscope.source.openrouter;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.HubFigures;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.source.CrawlSource;
import org.weightscope.source.Cursor;
import org.weightscope.source.PageSink;
import org.weightscope.source.RecordedFiles;
import org.weightscope.source.Recording;
import org.weightscope.source.SourcePage;
import org.weightscope.source.SourceSettings;
import org.weightscope.source.UsagePage;
import org.weightscope.source.browser.HeadlessChromium;
import org.weightscope.source.browser.PoliteHttpClient;
import org.weightscope.source.browser.SourceDefinition;

/**
 * OpenRouter as a crawl source, two scopes:
 * <ul>
 * <li>{@code full}: the whole catalogue ({@code /api/v1/models}, one answer). It has no downloads; prices go
 *     in {@code cardData.pricing} so the catalogue history detects price changes, and since the answer is the
 *     complete catalogue, ingest records models no longer listed (router-model-removed).</li>
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
@Component
public class OpenRouterSource implements CrawlSource {

    public static final String CATALOGUE = "full";
    public static final String USAGE = "usage";
    static final int USAGE_DAYS = 7;

    private final Path file;
    private final Supplier<String> apiKey;
    private final Clock clock;
    private SourceDefinition definition;

    @org.springframework.beans.factory.annotation.Autowired
    OpenRouterSource(SourceSettings settings, Environment environment) {
        this(settings.dir().resolve(OpenRouter.HUB + ".yaml"), () -> environment.getProperty(OpenRouter.API_KEY_ENV),
                Clock.systemUTC());
    }

    OpenRouterSource(Path file, Supplier<String> apiKey, Clock clock) {
        this.file = file;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    @Override
    public String id() {
        return OpenRouter.HUB;
    }

    /** None when the definition file is absent (a test's folder holding only some sources). */
    @Override
    public Set<String> scopes() {
        return Files.isRegularFile(file) ? Set.of(CATALOGUE, USAGE) : Set.of();
    }

    @Override
    public String schedule(String scope) {
        return definition().schedule();
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        SourceDefinition def = definition();
        OpenRouter router = new OpenRouter(new PoliteHttpClient(def), apiKey);
        if (USAGE.equals(scope)) {
            sink.usage(usage(router, def, from));
            return;
        }
        List<RouterModel> models = router.fetchCatalogue();
        String source = "crawl:" + OpenRouter.HUB + ":" + scope;
        List<Observation> observations = new ArrayList<>(models.size());
        for (RouterModel m : models) {
            observations.add(new Observation(facts(m), figures(m), asOf, false, source));
        }
        sink.page(new SourcePage(from.page() + 1, def.resolve(def.endpoint("models")).toString(), observations,
                new Cursor(1, from.page() + 1, null, models.size())));
    }

    /**
     * The dated catalogue captures, one whole catalogue per day ({@link Recording#complete()}); none when this
     * source has no definition file, like its scopes (a test's folder holding only some sources).
     */
    @Override
    public List<Recording> recordings(Path dir) {
        if (scopes().isEmpty()) {
            return List.of();
        }
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, OpenRouter.HUB, "api-v1-models_", ".json")) {
            Instant asOf = file.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            String source = "recording:" + file.name();
            List<Observation> observations = new ArrayList<>();
            for (RouterModel m : OpenRouter.parseCatalogue(RecordedFiles.read(file))) {
                observations.add(new Observation(facts(m), figures(m), asOf, true, source));
            }
            out.add(new Recording(OpenRouter.HUB, file.day(), List.of(file.name()), observations, true));
        }
        return out;
    }

    private UsagePage usage(OpenRouter router, SourceDefinition def, Cursor from) {
        String key = apiKey.get();
        Cursor done = new Cursor(1, from.page() + 1, null, 0);
        if (key != null && !key.isBlank()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            RankingsDaily daily = router.fetchRankingsDaily(today.minusDays(USAGE_DAYS), today.minusDays(1));
            return new UsagePage(from.page() + 1, def.resolve(def.endpoint("rankingsDaily")).toString(), rows(daily.rows()),
                    daily.asOf(), daily.citation() + " " + OpenRouter.LICENCE_NOTE, done);
        }
        // keyless fallback: the public page, built by its JavaScript, read in Chromium
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            List<RouterUsage> rows = router.readRankingsPage(chromium, clock);
            String asOf = Instant.now(clock).toString();
            return new UsagePage(from.page() + 1, def.resolve(def.endpoint("rankingsPage")).toString(), rows(rows), asOf,
                    OpenRouter.CITATION_TEMPLATE.replace("{as_of}", asOf), done);
        }
    }

    static List<UsagePage.Row> rows(List<RouterUsage> rows) {
        List<UsagePage.Row> out = new ArrayList<>(rows.size());
        for (RouterUsage r : rows) {
            out.add(new UsagePage.Row(r.day(), r.window().name().toLowerCase(java.util.Locale.ROOT), r.modelSlug(),
                    r.tokens(), r.longTail()));
        }
        return out;
    }

    /** The model's facts plus its prices (normalised, so "0.000000260" and "0.00000026" are one price). */
    static ModelFacts facts(RouterModel m) {
        ModelFacts f = m.toModelFacts();
        Map<String, Object> card = new LinkedHashMap<>(f.cardData());
        Map<String, String> pricing = new LinkedHashMap<>();
        // a price that is not fixed (-1: routers) is left out rather than stored as null, so the stored map
        // (nulls are not kept in the store) compares equal to the next crawl's
        if (m.promptPrice() != null) pricing.put("prompt", plain(m.promptPrice()));
        if (m.completionPrice() != null) pricing.put("completion", plain(m.completionPrice()));
        card.put(CatalogueHistory.PRICING, pricing);
        return new ModelFacts(f.hub(), f.repoId(), f.author(), f.pipelineTag(), f.libraryName(), f.tags(), card,
                f.safetensorsParameters(), f.totalParameters(), f.ggufFileBytes(), f.cardText());
    }

    /** The catalogue has no downloads: only when OpenRouter listed the model. */
    static HubFigures figures(RouterModel m) {
        return new HubFigures(null, null, m.created(), null, null, null, null);
    }

    private static String plain(BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros().toPlainString();
    }

    private synchronized SourceDefinition definition() {
        if (definition == null) definition = SourceDefinition.load(file);
        return definition;
    }
}
