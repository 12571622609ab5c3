package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.catalogue.ModelSnapshot;
import org.weightscope.storage.Indices;
import org.weightscope.usage.RouterUsageService;
import org.weightscope.usage.TokenShare;

/**
 * OpenRouter (catalogue and usage), ModelScope and Ollama crawled over real HTTP through
 * {@link CrawlService#run} against their recordings replayed by WireMock, into the real Elasticsearch.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "vaadin.productionMode=true",
            "OPENROUTER_API_KEY=test-key-not-real"
        })
class HubsCrawlTest extends IntegrationTest {

    static final Path FIXTURES = Path.of("crawlers/fixtures");
    static final Path OLLAMA = FIXTURES.resolve("ollama/ollama.com-search_o-newest_2025-03-21.html");
    static final Path MODELSCOPE = FIXTURES.resolve("modelscope/dolphin-models_tags-lora_2025-11-14.json");
    static final Path ROUTER_0608 = FIXTURES.resolve("openrouter/api-v1-models_2026-06-08T01-11Z.json");
    static final Path ROUTER_0708 = FIXTURES.resolve("openrouter/api-v1-models_2026-07-08T03-18Z.json");
    static final Path ROUTER_0715 = FIXTURES.resolve("openrouter/api-v1-models_2026-07-15T02-48Z.json");
    static final Path ROUTER_0822 = FIXTURES.resolve("openrouter/api-v1-models_2026-08-22T18-35Z.json");
    static final Path DAILY = FIXTURES.resolve("constructed/openrouter-rankings-daily_documented-format.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PORT = HubReplay.freePort();
    static final WireMockServer hubs = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));

    static {
        hubs.start();
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        // the shipped definitions, pointed at the replay server by configured overrides (never an edited copy)
        for (String hub : List.of("huggingface", "openrouter", "modelscope", "ollama")) {
            registry.add("weightscope.sources.override." + hub + ".base-url", () -> "http://localhost:" + PORT);
            registry.add("weightscope.sources.override." + hub + ".rate-limit", () -> "1000");
        }
    }

    /**
     * The usage crawl asks the Data API for the 7 complete days before "now": now is the morning after the
     * fixture's last day (its as_of is 2026-08-22T02:00Z), so its rows of 2026-08-20 and -21 are the days asked.
     */
    @TestBean
    Clock clock; // replaces the app's one Clock bean (shared/TimeConfiguration)

    static Clock clock() {
        // the morning after the fixture's day, and ticking: every crawl of the test is its own run
        Instant start = Instant.parse("2026-08-22T03:20:00Z");
        return Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), start));
    }

    @LocalServerPort
    int port;

    @Autowired
    CrawlService crawls;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    CatalogueHistory history;

    @Autowired
    RouterUsageService usage;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    @AfterAll
    static void stop() {
        hubs.stop();
    }

    @BeforeEach
    void emptyStore() throws Exception {
        client.indices().delete(d -> d.index(indices.prefix() + "-snapshots-v*").allowNoIndices(true));
        for (String name : List.of("models", "events", "crawl-runs", "router-usage")) {
            String alias = indices.alias(name);
            client.indices().refresh(r -> r.index(alias));
            var hits = client.search(s -> s.index(alias).size(10_000).source(src -> src.fetch(false)), Void.class)
                    .hits()
                    .hits();
            if (!hits.isEmpty()) {
                client.bulk(b -> {
                    hits.forEach(h ->
                            b.operations(o -> o.delete(x -> x.index(h.index()).id(h.id()))));
                    return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
                });
            }
        }
        hubs.resetAll();
        hubs.stubFor(get("/robots.txt")
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nDisallow: /api/private\n")));
    }

    /** The crawls' day: the app's clock (the fixture's morning). */
    static LocalDate today() {
        return LocalDate.now(clock());
    }

    // ---------------------------------------------------------------- Ollama

    void serveOllama(String html) {
        hubs.stubFor(get(urlEqualTo("/search?o=newest"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(html)));
    }

    @Test
    void ollamaRunStoresAllTimePullCounts() throws IOException {
        serveOllama(Files.readString(OLLAMA));

        CrawlRun run = crawls.run("ollama", "newest");

        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(run.pages()).isEqualTo(1);
        assertThat(run.items()).isEqualTo(162);
        assertThat(catalogue.modelCount()).isEqualTo(162);
        Map<String, CatalogueModel> stored =
                catalogue.findAll(List.of("ollama:exaone-deep", "ollama:gemma3", "ollama:command-a"));
        // pull counts are all-time pulls as the page prints them: never a 30-day figure
        assertThat(stored.get("ollama:exaone-deep").figures().downloadsAllTime())
                .isEqualTo(6_483L);
        assertThat(stored.get("ollama:gemma3").figures().downloadsAllTime()).isEqualTo(2_500_000L);
        assertThat(stored.get("ollama:command-a").figures().downloadsAllTime()).isEqualTo(3_146L);
        assertThat(stored.values())
                .allSatisfy(m -> assertThat(m.figures().downloads30d()).isNull());
        ModelSnapshot gemma = history.snapshot("ollama:gemma3", today()).orElseThrow();
        assertThat(gemma.id()).isEqualTo("ollama:gemma3:" + today());
        assertThat(gemma.downloadsAllTime()).isEqualTo(2_500_000L);
        assertThat(history.eventCount(ModelEvent.RELEASE)).isEqualTo(162);
    }

    @Test
    void aChangedOllamaPageFailsTheRunNamingTheSelectorAndStoresNothing() throws IOException {
        Document page = Jsoup.parse(Files.readString(OLLAMA));
        page.select("span[x-test-pull-count]").remove();
        serveOllama(page.outerHtml());

        CrawlRun run = crawls.run("ollama", "newest");

        assertThat(run.status()).isEqualTo(CrawlRun.FAILED);
        assertThat(run.message())
                .contains("selector 'span[x-test-pull-count]' (selectors.pullCount) found nothing")
                .contains("nothing was stored");
        CrawlRun stored = crawls.findRun(run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CrawlRun.FAILED);
        assertThat(stored.message()).isEqualTo(run.message());
        assertThat(stored.pages()).isZero();
        assertThat(stored.items()).isZero();
        history.refresh();
        assertThat(catalogue.modelCount()).isZero();
        assertThat(history.snapshotCount()).isZero();
        assertThat(history.eventCount()).isZero();
    }

    // ---------------------------------------------------------------- ModelScope

    @Test
    void modelScopeRunStoresCumulativeDownloadsAsAllTime() throws IOException {
        String recording = Files.readString(MODELSCOPE);
        hubs.stubFor(put(urlEqualTo("/api/v1/dolphin/models"))
                .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("1")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(recording)));
        // the constructed last page (crawlers/fixtures/constructed/README.md): the envelope without models
        hubs.stubFor(
                put(urlEqualTo("/api/v1/dolphin/models"))
                        .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("2")))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"Code\":200,\"Data\":{\"Model\":{\"Models\":[],\"TotalCount\":39692}},\"Message\":\"success\",\"Success\":true}")));

        CrawlRun run = crawls.run("modelscope", "full");

        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(run.pages()).isEqualTo(1);
        assertThat(run.items()).isEqualTo(30);
        assertThat(catalogue.modelCount()).isEqualTo(30);
        JsonNode first = JSON.readTree(recording)
                .path("Data")
                .path("Model")
                .path("Models")
                .get(0);
        String id = "ms:" + first.get("Path").asText() + "/" + first.get("Name").asText();
        CatalogueModel m = catalogue.findAll(List.of(id)).get(id);
        assertThat(m.hub()).isEqualTo("modelscope");
        assertThat(m.figures().downloadsAllTime())
                .isEqualTo(first.get("Downloads").asLong())
                .isPositive();
        assertThat(m.figures().downloads30d()).isNull();
        assertThat(m.figures().likes()).isEqualTo(first.get("Stars").asLong());
        assertThat(history.snapshot(id, today()).orElseThrow().downloadsAllTime())
                .isEqualTo(first.get("Downloads").asLong());
        System.out.printf(
                "ModelScope: %s downloadsAllTime=%d%n", id, m.figures().downloadsAllTime());
    }

    // ---------------------------------------------------------------- OpenRouter catalogue

    void serveCatalogue(Path recording) throws IOException {
        hubs.stubFor(get(urlEqualTo("/api/v1/models"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(recording))));
    }

    @Test
    void aPriceChangeBetweenTwoCatalogueSnapshotsIsAStoredEvent() throws Exception {
        serveCatalogue(ROUTER_0708);
        CrawlRun first = crawls.run("openrouter", "full");
        assertThat(first.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(first.items()).isEqualTo(343);
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_ADDED)).isEqualTo(343);
        assertThat(history.eventCount(ModelEvent.RELEASE)).isZero();
        CatalogueModel v32 =
                catalogue.findAll(List.of("or:deepseek/deepseek-v3.2")).get("or:deepseek/deepseek-v3.2");
        assertThat(v32.figures().downloads30d()).isNull();
        assertThat(v32.figures().downloadsAllTime()).isNull();

        serveCatalogue(ROUTER_0715);
        CrawlRun second = crawls.run("openrouter", "full");
        assertThat(second.status()).isEqualTo(CrawlRun.FINISHED);

        history.refresh(); // removal events are written after the run's last refresh
        // the week's changes, counted independently with Python over the two files: 11 ids added, 11 gone, 12
        // models whose prompt or completion price moved (compared as numbers)
        long prices = 12;
        long added = 11;
        long removed = 11;
        assertThat(history.eventCount(ModelEvent.PRICE_CHANGE)).isEqualTo(prices);
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_ADDED)).isEqualTo(343 + added);
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_REMOVED)).isEqualTo(removed);
        System.out.printf(
                "OpenRouter 07-08 -> 07-15: %d price changes, %d added, %d removed%n", prices, added, removed);

        List<ModelEvent> change = history.events(ModelEvent.PRICE_CHANGE, "or:deepseek/deepseek-v3.2", 5);
        assertThat(change).hasSize(1);
        ModelEvent e = change.getFirst();
        assertThat(e.id()).isEqualTo("or:deepseek/deepseek-v3.2:price-change:" + today());
        assertThat(e.hub()).isEqualTo("openrouter");
        assertThat(e.oldValue()).isEqualTo("prompt=0.0000002288 completion=0.0000003432");
        assertThat(e.newValue()).isEqualTo("prompt=0.0000002145 completion=0.00000032175");
        assertThat(e.lineageCountries()).containsExactly("CN");

        // and through the events API
        HttpResponse<String> r = api("/api/v1/events?type=price-change&hub=openrouter&size=500");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("total").asLong()).isEqualTo(prices);
        assertThat(answer.get("events").findValuesAsText("model")).contains("deepseek/deepseek-v3.2");

        // the same catalogue again: no new event
        long events = history.eventCount();
        crawls.run("openrouter", "full");
        assertThat(history.eventCount()).isEqualTo(events);
    }

    /**
     * The first and last recorded catalogues crawled one after the other: 132 added and 52 removed as
     * PROVENANCE.md says; 62 changed prompt or completion price (PROVENANCE's 128 counts any pricing field, e.g.
     * web_search or cache prices, which are not tracked).
     */
    @Test
    void firstToLastCatalogueSnapshot() throws Exception {
        serveCatalogue(ROUTER_0608);
        assertThat(crawls.run("openrouter", "full").items()).isEqualTo(341);
        serveCatalogue(ROUTER_0822);
        assertThat(crawls.run("openrouter", "full").status()).isEqualTo(CrawlRun.FINISHED);
        history.refresh();
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_ADDED)).isEqualTo(341 + 132);
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_REMOVED)).isEqualTo(52);
        assertThat(history.eventCount(ModelEvent.PRICE_CHANGE)).isEqualTo(62);
    }

    // ---------------------------------------------------------------- OpenRouter usage

    @Test
    void routerTokenShareByOriginEqualsTheIndependentSumWithTheLongTailApart() throws Exception {
        serveCatalogue(ROUTER_0822);
        crawls.run("openrouter", "full");
        hubs.stubFor(get(urlPathEqualTo("/api/v1/datasets/rankings-daily"))
                .withHeader("Authorization", equalTo("Bearer test-key-not-real"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(DAILY))));

        CrawlRun run = crawls.run("openrouter", "usage");

        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(run.items()).isEqualTo(18);
        // the 7 complete days before the clock's now were asked for
        hubs.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/v1/datasets/rankings-daily"))
                .withQueryParam("start_date", equalTo("2026-08-15"))
                .withQueryParam("end_date", equalTo("2026-08-21")));

        // independently: the fixture's rows of 2026-08-20 summed by the author's country (registry, by hand)
        Map<String, String> country = Map.of(
                "deepseek",
                "CN",
                "tencent",
                "CN",
                "z-ai",
                "CN",
                "xiaomi",
                "CN",
                "qwen",
                "CN",
                "openai",
                "US",
                "anthropic",
                "US",
                "nvidia",
                "US",
                "mistralai",
                "FR");
        LocalDate day = LocalDate.parse("2026-08-20");
        Map<String, BigDecimal> expected = new TreeMap<>();
        long other = 0;
        long total = 0;
        for (JsonNode r : JSON.readTree(DAILY.toFile()).get("data")) {
            if (!r.get("date").asText().equals(day.toString())) continue;
            long tokens = Long.parseLong(r.get("total_tokens").asText());
            total += tokens;
            String slug = r.get("model_permaslug").asText();
            if (slug.equals("other")) {
                other += tokens;
            } else {
                expected.merge(
                        country.get(slug.substring(0, slug.indexOf('/'))), BigDecimal.valueOf(tokens), BigDecimal::add);
            }
        }
        for (String view : List.of("lineage", "uploader")) {
            TokenShare share = usage.daily(day, view);
            Map<String, BigDecimal> actual = new TreeMap<>();
            share.byOrigin().forEach(o -> actual.put(o.origin(), o.tokens()));
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach(
                    (k, v) -> assertThat(actual.get(k)).as(view + " " + k).isEqualByComparingTo(v));
            assertThat(share.longTailTokens()).isEqualTo(other).isEqualTo(2_345_678_901_234L);
            assertThat(share.totalTokens()).isEqualTo(total);
            assertThat(share.asOf()).isEqualTo("2026-08-22T02:00:00.000Z");
            assertThat(share.citation())
                    .isEqualTo("Source: OpenRouter (openrouter.ai/rankings), as of 2026-08-22T02:00:00.000Z."
                            + " Licensed under CC BY 4.0.");
            System.out.printf(
                    "Router tokens %s %s: %s, long tail %d, total %d%n",
                    day, view, actual, share.longTailTokens(), share.totalTokens());
        }
        // the week of 2026-08-20 (Thursday) holds both fixture days: sums of the two
        TokenShare week = usage.weekly(day, "lineage");
        assertThat(week.days()).containsExactly(day, day.plusDays(1));
        assertThat(week.from()).isEqualTo(LocalDate.parse("2026-08-17"));
        assertThat(week.longTailTokens())
                .isEqualTo(other + usage.daily(day.plusDays(1), "lineage").longTailTokens());

        // the API answers the same, citation first
        HttpResponse<String> json = api("/api/v1/router-usage?day=2026-08-20&view=lineage");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(json.body());
        assertThat(body.get("citation").asText())
                .startsWith("Source: OpenRouter (openrouter.ai/rankings), as of 2026-08-22T02:00:00.000Z.");
        assertThat(body.get("long_tail").get("label").asText()).isEqualTo("unattributed long tail");
        assertThat(body.get("long_tail").get("tokens").asLong()).isEqualTo(other);
        assertThat(body.get("total_tokens").asLong()).isEqualTo(total);
        Map<String, BigDecimal> fromApi = new TreeMap<>();
        body.get("figures")
                .forEach(f -> fromApi.put(
                        f.get("key").asText(), new BigDecimal(f.get("tokens").asText())));
        expected.forEach((k, v) -> assertThat(fromApi.get(k)).as("api " + k).isEqualByComparingTo(v));
        HttpResponse<String> csv = api("/api/v1/router-usage?day=2026-08-20&view=uploader&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .startsWith("# Source: OpenRouter (openrouter.ai/rankings)");
        assertThat(csv.body()).contains("unattributed long tail");
        assertThat(api("/api/v1/router-usage?day=2026-08-20&view=sideways").statusCode())
                .isEqualTo(400);
    }

    HttpResponse<String> api(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
