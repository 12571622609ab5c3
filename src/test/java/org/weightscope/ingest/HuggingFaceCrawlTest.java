package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.catalogue.ModelSnapshot;
import org.weightscope.storage.Indices;

/** The real HTTP crawler against the recordings replayed by WireMock, into the real Elasticsearch. */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
@org.springframework.test.context.event.RecordApplicationEvents
class HuggingFaceCrawlTest extends IntegrationTest {

    static final int PORT = HubReplay.freePort();
    static final HubReplay REPLAY = new HubReplay();
    static WireMockServer hub = start(p -> null);

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        HubReplay.sources(registry, "http://localhost:" + PORT);
    }

    @Autowired
    CrawlService crawls;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    CatalogueHistory history;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    @Autowired
    org.springframework.test.context.event.ApplicationEvents published;

    static WireMockServer start(Function<Integer, HubReplay.Fault> fault) {
        WireMockServer server = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
        server.start();
        REPLAY.stub(server, fault);
        return server;
    }

    static void restart(Function<Integer, HubReplay.Fault> fault) {
        if (hub.isRunning()) hub.stop();
        hub = start(fault);
    }

    @AfterAll
    static void stop() {
        hub.stop();
    }

    @BeforeEach
    void emptyStore() throws Exception {
        // the embedded distribution has no delete-by-query: drop the monthly indices, delete the rest by id
        client.indices().delete(d -> d.index(indices.prefix() + "-snapshots-v*").allowNoIndices(true));
        for (String name : List.of("models", "events", "crawl-runs")) {
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
        restart(p -> null);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void trackedCrawlFillsModelsSnapshotsAndEventsFromTheReplayedRecordings() {
        CrawlRun run = crawls.run("huggingface", "tracked");

        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(run.failures()).isEmpty();
        assertThat(published.stream(IngestCompleted.class)).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(run.id());
            assertThat(e.sourceId()).isEqualTo("huggingface");
            assertThat(e.status()).isEqualTo(CrawlRun.FINISHED);
            assertThat(e.items()).isEqualTo(run.items());
        });
        assertThat(catalogue.modelCount()).isEqualTo(701);
        assertThat(history.snapshotCount()).isEqualTo(701);
        assertThat(history.eventCount()).isEqualTo(701);
        assertThat(history.eventCount(ModelEvent.RELEASE)).isEqualTo(701);

        CatalogueModel llama = catalogue
                .findAll(List.of("hf:meta-llama/Llama-3.3-70B-Instruct"))
                .get("hf:meta-llama/Llama-3.3-70B-Instruct");
        assertThat(llama.attribution().licence().id()).isEqualTo("llama3.3");
        assertThat(llama.facts().cardData().get("license")).isEqualTo("llama3.3");
        assertThat(llama.figures().gated()).isEqualTo("manual");
        assertThat(llama.figures().downloads30d()).isEqualTo(26987L);
        assertThat(llama.facts().totalParameters()).isEqualTo(70553706496L);
        assertThat(llama.facts().safetensorsParameters()).containsEntry("BF16", 70553706496L);

        ModelSnapshot snapshot = history.snapshot(llama.id(), today()).orElseThrow();
        assertThat(snapshot.id()).isEqualTo("hf:meta-llama/Llama-3.3-70B-Instruct:" + today());
        assertThat(snapshot.downloads30d()).isEqualTo(26987L);
        assertThat(snapshot.gated()).isEqualTo("manual");
        ModelEvent release = history.events(ModelEvent.RELEASE, llama.id(), 5).getFirst();
        assertThat(release.id()).isEqualTo("hf:meta-llama/Llama-3.3-70B-Instruct:release");
        assertThat(release.at())
                .isEqualTo(llama.figures().createdAt())
                .isEqualTo(java.time.Instant.parse("2024-11-26T16:08:47Z"));

        // every listing asked the fields with expand[], as Weightscope, and paging followed Link
        List<ServeEvent> served = hub.getAllServeEvents();
        assertThat(served)
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("User-Agent"))
                        .isEqualTo("Weightscope/0.1 (+https://github.com/weightscope/weightscope)"));
        assertThat(served.stream().map(e -> e.getRequest().getUrl()).filter(u -> u.startsWith("/api/models?")))
                .allSatisfy(u -> assertThat(u)
                        .contains("expand%5B%5D=cardData")
                        .contains("expand%5B%5D=downloadsAllTime")
                        .doesNotContain("skip="));
        assertThat(served.stream().filter(e -> e.getRequest().getUrl().contains("cursor=top")))
                .hasSize(7);
        assertThat(served.stream()
                        .filter(e -> e.getRequest().getUrl().equals("/api/models/meta-llama/Llama-3.3-70B-Instruct")))
                .isNotEmpty();
        assertThat(served.stream().filter(e -> e.getRequest().getUrl().contains("author=meta-llama&")))
                .hasSize(1);
    }

    @Test
    void reRunningTheSameCrawlChangesNoCount() {
        crawls.run("huggingface", "tracked");
        long[] first = counts();
        CrawlRun again = crawls.run("huggingface", "tracked");
        assertThat(again.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(counts()).containsExactly(first).containsExactly(701, 701, 701);
        crawls.run("huggingface", "full");
        assertThat(counts()).containsExactly(701, 701, 701);
    }

    @Test
    void aResumedRunEndsWithTheStateOfAnUninterruptedOne() throws Exception {
        CrawlRun whole = crawls.run("huggingface", "full");
        assertThat(whole.pages()).isEqualTo(8);
        assertThat(whole.items()).isEqualTo(701);
        Map<String, String> uninterrupted = state();
        emptyStore();

        // the server dies while page 5 is asked: pages 1-4 are stored, the run is interrupted
        restart(p -> p == 5
                ? new HubReplay.Fault(
                        HubReplay.json(REPLAY.fullPageBody(5), null).withFixedDelay(20_000), false)
                : null);
        CompletableFuture<CrawlRun> dying = CompletableFuture.supplyAsync(() -> crawls.run("huggingface", "full"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hub.getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().contains("cursor=all5")));
        hub.stop();
        CrawlRun interrupted = dying.get();
        assertThat(interrupted.status()).isEqualTo(CrawlRun.INTERRUPTED);
        assertThat(interrupted.pages()).isEqualTo(4);
        assertThat(interrupted.cursor().next()).contains("cursor=all5");
        assertThat(crawls.findRun(interrupted.id()).orElseThrow().cursor()).isEqualTo(interrupted.cursor());
        assertThat(catalogue.modelCount()).isEqualTo(400);

        // back up: the next run of the scope resumes from the cursor
        restart(p -> null);
        CrawlRun resumed = crawls.run("huggingface", "full");
        assertThat(resumed.id()).isEqualTo(interrupted.id());
        assertThat(resumed.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.pages()).isEqualTo(8);
        assertThat(resumed.items()).isEqualTo(701);
        assertThat(hub.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().contains("cursor=all2")))
                .isEmpty();
        assertThat(state()).isEqualTo(uninterrupted);
    }

    @Test
    void faultyPagesAreRetriedOrListedAndNothingStoredIsLost() {
        crawls.run("huggingface", "full");
        assertThat(counts()).containsExactly(701, 701, 701);

        String truncated = REPLAY.fullPageBody(5).substring(0, 5000);
        restart(p -> switch (p) {
            // answered after a retry: a timeout, a 500, a 429 with Retry-After
            case 2 ->
                new HubReplay.Fault(HubReplay.json(REPLAY.fullPageBody(2), null).withFixedDelay(3000), true);
            case 3 -> new HubReplay.Fault(aResponse().withStatus(500), true);
            case 4 -> new HubReplay.Fault(aResponse().withStatus(429).withHeader("Retry-After", "1"), true);
            // given up on: truncated JSON every time (its Link still leads on), then a page that always times out
            case 5 -> new HubReplay.Fault(HubReplay.json(truncated, null), false);
            case 7 ->
                new HubReplay.Fault(HubReplay.json(REPLAY.fullPageBody(7), null).withFixedDelay(3000), false);
            default -> null;
        });
        CrawlRun run = crawls.run("huggingface", "full");

        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(run.failures()).extracting(CrawlRun.Failure::page).containsExactly(5, 7);
        assertThat(run.failures())
                .extracting(CrawlRun.Failure::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("broken JSON").contains("after 3 attempts"),
                        r -> assertThat(r).contains("HttpTimeoutException").contains("after 3 attempts"));
        assertThat(run.failures())
                .extracting(CrawlRun.Failure::url)
                .satisfiesExactly(
                        u -> assertThat(u).contains("cursor=all5"),
                        u -> assertThat(u).contains("cursor=all7"));
        // 1-4 and 6 stored; 5 skipped through its Link; 7 has no Link once given up, so 8 is not reached
        assertThat(run.pages()).isEqualTo(5);
        assertThat(run.items()).isEqualTo(500);
        CrawlRun stored = crawls.findRun(run.id()).orElseThrow();
        assertThat(stored.failures()).hasSize(2);
        assertThat(stored.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(counts()).containsExactly(701, 701, 701);
        assertThat(history.eventCount(ModelEvent.REMOVED)).isZero();
    }

    @Test
    void aLicenceChangedBetweenTwoCrawlsMakesOneEvent() throws Exception {
        crawls.run("huggingface", "full");
        // constructed: the recorded Llama-3.3 body with its licence edited (crawlers/fixtures/constructed/README.md)
        var constructed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of(
                                "crawlers/fixtures/constructed/api-models-id_meta-llama__Llama-3.3-70B-Instruct_licence-changed.json")
                        .toFile());
        var original = REPLAY.replace(constructed);
        try {
            restart(p -> null);
            crawls.run("huggingface", "full");
            assertThat(counts()).containsExactly(701, 701, 702);
            String id = "hf:meta-llama/Llama-3.3-70B-Instruct";
            assertThat(history.events(ModelEvent.LICENCE_CHANGE, null, 10))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.id()).isEqualTo(id + ":licence-change:" + today());
                        assertThat(e.modelId()).isEqualTo(id);
                        assertThat(e.oldValue()).isEqualTo("llama3.3");
                        assertThat(e.newValue()).isEqualTo("apache-2.0");
                        assertThat(e.oldLicenceId()).isEqualTo("llama3.3");
                        assertThat(e.newLicenceId()).isEqualTo("apache-2.0");
                    });
            assertThat(catalogue
                            .findAll(List.of(id))
                            .get(id)
                            .attribution()
                            .licence()
                            .id())
                    .isEqualTo("apache-2.0");
            // the tracked scope sees the same licence: nothing new
            crawls.run("huggingface", "tracked");
            assertThat(counts()).containsExactly(701, 701, 702);
        } finally {
            REPLAY.replace(original);
        }
    }

    long[] counts() {
        history.refresh();
        return new long[] {catalogue.modelCount(), history.snapshotCount(), history.eventCount()};
    }

    /** Everything stored but the run ids and clock times, keyed by document id. */
    Map<String, String> state() {
        history.refresh();
        Map<String, String> out = new TreeMap<>();
        for (CatalogueModel m : catalogue.topModels(2000)) {
            out.put(
                    m.id(),
                    m.figures().downloads30d() + "|" + m.figures().likes() + "|"
                            + m.figures().gated() + "|" + m.figures().sha() + "|" + m.attribution() + "|" + m.facts());
            ModelSnapshot s = history.snapshot(m.id(), today()).orElseThrow();
            out.put(
                    s.id(),
                    s.downloads30d() + "|" + s.gated() + "|"
                            + history.attributionOf(s).orElse(null));
        }
        TreeSet<String> events = new TreeSet<>();
        history.events(null, null, 5000)
                .forEach(e ->
                        events.add(e.id() + "|" + e.type() + "|" + e.at() + "|" + e.oldValue() + "|" + e.newValue()));
        out.put("events", String.join("\n", events));
        return out;
    }
}
