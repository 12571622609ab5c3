package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.usage.RouterUsageService;

/**
 * The startup import on an empty store (the offline demo): the bundled recordings of all four hubs become
 * dated history through the crawl path, with the values the captures hold. The constructed router-usage
 * fixture (invented token numbers) is never imported, nor the scraped top-10 (display names, not slugs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class AllHubsRecordingImportTest extends IntegrationTest {

    static final List<String> ROUTER_DAYS = List.of(
            "2026-06-08",
            "2026-06-15",
            "2026-06-22",
            "2026-07-01",
            "2026-07-08",
            "2026-07-15",
            "2026-07-22",
            "2026-08-01",
            "2026-08-08",
            "2026-08-15",
            "2026-08-22");

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

    @Test
    void theStartupImportHoldsEveryHubsRecordingsAsDatedHistory() throws Exception {
        history.refresh();
        // 893 Hugging Face (RecordingHistoryTest) + 479 OpenRouter ids over the 11 captures + 30 ModelScope + 162
        // Ollama
        assertThat(catalogue.modelCount()).isEqualTo(893 + 479 + 30 + 162);

        // OpenRouter: one recorded run per capture, each the whole catalogue of its day
        List<CrawlRun> router = crawls.latestRuns("openrouter", CrawlService.RECORDING, 100);
        assertThat(router).extracting(r -> r.day().toString()).containsExactlyInAnyOrderElementsOf(ROUTER_DAYS);
        assertThat(router).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CrawlRun.FINISHED);
            assertThat(r.recorded()).isTrue();
        });
        assertThat(crawls.findRun("openrouter:recording:2026-08-22")
                        .orElseThrow()
                        .items())
                .isEqualTo(421);
        assertThat(crawls.findRun("openrouter:recording:2026-06-08")
                        .orElseThrow()
                        .message())
                .isEqualTo("api-v1-models_2026-06-08T01-11Z.json");

        // deepseek/deepseek-v3.2 prompt price 0.0000002288 (07-08) → 0.0000002145 (07-15), PROVENANCE.md
        List<ModelEvent> prices = history.events(ModelEvent.PRICE_CHANGE, "or:deepseek/deepseek-v3.2", 20);
        assertThat(prices).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo("or:deepseek/deepseek-v3.2:price-change:2026-07-15");
            assertThat(e.day()).isEqualTo(LocalDate.parse("2026-07-15"));
            assertThat(e.oldValue()).isEqualTo("prompt=0.0000002288 completion=0.0000003432");
            assertThat(e.newValue()).isEqualTo("prompt=0.0000002145 completion=0.00000032175");
            assertThat(e.runId()).isEqualTo("openrouter:recording:2026-07-15");
        });
        // 59 (model, last day seen) pairs absent from the next capture, counted from the files independently;
        // each removal keeps the day of the first capture that missed it
        assertThat(history.eventCount(ModelEvent.ROUTER_MODEL_REMOVED)).isEqualTo(59);
        Map<String, Long> removedByDay = new TreeMap<>();
        history.events(ModelEvent.ROUTER_MODEL_REMOVED, null, 100)
                .forEach(e -> removedByDay.merge(e.day().toString(), 1L, Long::sum));
        assertThat(removedByDay)
                .isEqualTo(Map.of(
                        "2026-06-15",
                        8L,
                        "2026-06-22",
                        4L,
                        "2026-07-01",
                        6L,
                        "2026-07-08",
                        2L,
                        "2026-07-15",
                        11L,
                        "2026-07-22",
                        10L,
                        "2026-08-01",
                        12L,
                        "2026-08-08",
                        1L,
                        "2026-08-15",
                        2L,
                        "2026-08-22",
                        3L));
        assertThat(history.events(ModelEvent.ROUTER_MODEL_REMOVED, "or:meta-llama/llama-guard-3-8b", 5))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.id()).isEqualTo("or:meta-llama/llama-guard-3-8b:router-model-removed:2026-06-08"));

        // the other hubs add no licence change: the events page's one real change is still Djrango/Qwen2vl-Flux
        assertThat(history.events(ModelEvent.LICENCE_CHANGE, null, 10))
                .extracting(ModelEvent::modelId)
                .containsExactly("hf:Djrango/Qwen2vl-Flux");

        // Ollama: all-time pulls as the 2025-03-21 page prints them
        CatalogueModel gemma = catalogue.findAll(List.of("ollama:gemma3")).get("ollama:gemma3");
        assertThat(gemma.figures().downloadsAllTime()).isEqualTo(2_500_000L);
        assertThat(gemma.figures().downloads30d()).isNull();
        assertThat(gemma.recorded()).isTrue();
        assertThat(history.snapshot("ollama:gemma3", LocalDate.parse("2025-03-21"))
                        .orElseThrow()
                        .downloadsAllTime())
                .isEqualTo(2_500_000L);
        assertThat(crawls.findRun("ollama:recording:2025-03-21").orElseThrow().items())
                .isEqualTo(162);

        // ModelScope: the 2025-11-14 listing body
        assertThat(crawls.findRun("modelscope:recording:2025-11-14")
                        .orElseThrow()
                        .items())
                .isEqualTo(30);

        // no token usage: the only usage-shaped files are constructed (invented) or top-10 display names
        assertThat(usage.latestDay()).isEmpty();

        // the UI's "recorded" note: models' latest capture days, the oldest a Hugging Face one, the newest 08-22
        var range = catalogue.asOfRange().orElseThrow();
        assertThat(range.from().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.parse("2024-12-02"));
        assertThat(range.to().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.parse("2026-08-22"));

        // the hub dimension, as of each hub's capture day: only the models captured in the 7 days to it
        assertThat(modelsByHub(null)).isEqualTo(Map.of("huggingface", 16.0, "openrouter", 421.0));
        assertThat(modelsByHub("2025-11-14")).isEqualTo(Map.of("modelscope", 30.0));
        assertThat(modelsByHub("2025-03-21")).isEqualTo(Map.of("ollama", 162.0));
        assertThat(modelsByHub("2024-12-11")).containsOnlyKeys("huggingface");
    }

    private Map<String, Double> modelsByHub(String at) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/adoption?by=hub&metric=models" + (at == null ? "" : "&at=" + at)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> byHub = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(r.body()).get("figures"))
            byHub.put(f.get("key").asText(), f.get("value").asDouble());
        System.out.printf("Models by hub as of %s: %s%n", at == null ? "the newest day" : at, byHub);
        return byHub;
    }
}
