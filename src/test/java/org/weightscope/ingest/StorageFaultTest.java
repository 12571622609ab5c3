package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.TestElasticsearch;
import org.weightscope.storage.EmbeddedElasticsearch;
import org.weightscope.storage.EmbeddedElasticsearchFactory;
import org.weightscope.storage.Indices;

/**
 * The store failing under a crawl, for real: an Elasticsearch of this class's own (its own data folder, started
 * as the app starts it) is killed with SIGKILL, by the pid it wrote, while a Hugging Face crawl of the replayed
 * recordings waits for its third page, then restarted on the same data folder; and the same crawl meets the
 * flood-stage block. Each time the run is recorded as failed with the reason, what was stored before stays,
 * and the next run ends with exactly what a clean run stores. The app reaches the server through a
 * {@link TcpForwarder}, because a restarted server comes back on another free port.
 */
@SpringBootTest(properties = {"weightscope.recordings.import-on-empty=false", "weightscope.scheduling.enabled=false"})
class StorageFaultTest {

    static final Path DATA = TestElasticsearch.newDataDir("weightscope-storage-fault-es");
    static EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearchFactory.create(DATA, Duration.ofMinutes(3));
    static final TcpForwarder FRONT = new TcpForwarder(elasticsearch.start().getPort());
    static final int HUB_PORT = HubReplay.freePort();
    /** 300 of the replayed models: three pages of 100; the third is held back while the store fails. */
    static final HubReplay REPLAY = new HubReplay(300);

    static final WireMockServer hub =
            new WireMockServer(options().port(HUB_PORT).bindAddress("127.0.0.1"));

    static {
        hub.start();
    }

    static Map<String, String> clean;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("weightscope.elasticsearch.uris", () -> "http://127.0.0.1:" + FRONT.port());
        // the server is secured (its generated password stays the same across the restart on the same data folder)
        registry.add("weightscope.elasticsearch.username", elasticsearch::username);
        registry.add("weightscope.elasticsearch.password", elasticsearch::password);
        registry.add("weightscope.elasticsearch.index-prefix", () -> "storagefault");
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
        HubReplay.overrides("http://localhost:" + HUB_PORT)
                .forEach((field, value) -> registry.add(
                        "weightscope.sources.override.huggingface." + field,
                        () -> field.equals("timeout") ? "20s" : value));
    }

    @Autowired
    CrawlService crawls;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    StoredState store;

    @BeforeEach
    void cleanRunFirst(@Autowired org.springframework.context.ApplicationContext app) {
        store = StoredState.of(app);
        store.clear();
        serve(false);
        if (clean == null) {
            assertThat(crawls.run("huggingface", "full").status()).isEqualTo(CrawlRun.FINISHED);
            clean = store.read();
            assertThat(store.count("models")).isEqualTo(300);
            store.clear();
        }
    }

    @AfterAll
    static void stop() {
        hub.stop();
        elasticsearch.close();
        FRONT.close();
        TestElasticsearch.deleteQuietly(DATA);
    }

    /** The replay; {@code holdThirdPage}: page 3 answers after 3 s, time for the store to fail meanwhile. */
    static void serve(boolean holdThirdPage) {
        hub.resetAll();
        REPLAY.stub(
                hub,
                p -> holdThirdPage && p == 3
                        ? new HubReplay.Fault(
                                HubReplay.json(REPLAY.fullPageBody(3), null).withFixedDelay(3000), false)
                        : null);
    }

    /** Starts the crawl and returns once it has stored two pages and asked for the third. */
    CompletableFuture<CrawlRun> crawlUntilThirdPage() {
        serve(true);
        CompletableFuture<CrawlRun> run = CompletableFuture.supplyAsync(() -> crawls.run("huggingface", "full"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> hub.getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().contains("cursor=all3")));
        return run;
    }

    @Test
    void elasticsearchKilledMidIngestLosesNothingOnceRestarted() throws Exception {
        CompletableFuture<CrawlRun> running = crawlUntilThirdPage();
        long pid = elasticsearch.serverPid().orElseThrow();
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.destroyForcibly(); // SIGKILL: no shutdown, no flush; only what was acknowledged is on disk
        server.onExit().get(60, TimeUnit.SECONDS);
        elasticsearch.close(); // its launcher, gone with the server

        CrawlRun failed = running.get(120, TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo(CrawlRun.FAILED);
        assertThat(failed.message()).startsWith("storage failed: ").containsIgnoringCase("connect");
        assertThat(failed.pages()).isEqualTo(2);

        // the same data folder, a new process
        elasticsearch = EmbeddedElasticsearchFactory.create(DATA, Duration.ofMinutes(3));
        FRONT.target(elasticsearch.start().getPort());
        assertThat(store.count("models"))
                .as("the two pages stored before the kill")
                .isEqualTo(200);

        serve(false);
        CrawlRun next = crawls.run("huggingface", "full");
        assertThat(next.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(next.failures()).isEmpty();
        assertThat(crawls.findRun(failed.id()).orElseThrow())
                .as("the failed run, as stored once the store is back")
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CrawlRun.FAILED);
                    assertThat(r.message()).isEqualTo(failed.message());
                });
        assertThat(store.read()).isEqualTo(clean);
    }

    /**
     * Disk full: Elasticsearch's flood-stage watermark puts {@code index.blocks.read_only_allow_delete} on every
     * index with a shard on the full node; the test sets that block itself, on all of the app's indices, because
     * filling a disk is not something a test may do here. The block is the very one flood stage sets (same id 12,
     * same 429 refusal of every write), and lifting it is what Elasticsearch does once space is freed.
     */
    @Test
    void theFloodStageBlockFailsTheRunClearlyKeepsWhatWasStoredAndTheNextRunRecovers() throws Exception {
        CompletableFuture<CrawlRun> running = crawlUntilThirdPage();
        block(true);
        try {
            CrawlRun failed = running.get(120, TimeUnit.SECONDS);
            assertThat(failed.status()).isEqualTo(CrawlRun.FAILED);
            assertThat(failed.message()).startsWith("storage failed: ").contains("read-only-allow-delete");
            assertThat(store.count("models"))
                    .as("the two pages stored before the block")
                    .isEqualTo(200);

            block(false);
            serve(false);
            CrawlRun next = crawls.run("huggingface", "full");
            assertThat(next.status()).isEqualTo(CrawlRun.FINISHED);
            assertThat(next.failures()).isEmpty();
            CrawlRun stored = crawls.findRun(failed.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(CrawlRun.FAILED);
            assertThat(stored.message()).isEqualTo(failed.message());
            assertThat(store.read()).isEqualTo(clean);
        } finally {
            block(false);
        }
    }

    void block(boolean on) throws Exception {
        client.indices()
                .putSettings(
                        s -> s.index(indices.prefix() + "-*").settings(i -> i.blocks(b -> b.readOnlyAllowDelete(on))));
    }
}
