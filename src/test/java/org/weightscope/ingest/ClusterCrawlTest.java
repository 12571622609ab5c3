package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.storage.Indices;
import org.weightscope.storage.SecuredCluster;

/**
 * The app against a real 3-node secured cluster (TLS on transport and HTTP, users and passwords, every index with
 * one replica), configured as an external cluster: a full Hugging Face crawl of the replayed recordings during
 * which one node is killed ends with the same models, snapshots and events as a clean run (nothing lost, nothing
 * doubled), and the read API answers throughout. One cluster for the class.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.recordings.import-on-empty=false", "vaadin.productionMode=true"})
class ClusterCrawlTest {

    static final int PORT = HubReplay.freePort();
    static final HubReplay REPLAY = new HubReplay();
    static final ObjectMapper JSON = new ObjectMapper();
    static SecuredCluster cluster;
    static long clusterMillis;
    static WireMockServer hub;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        long begin = System.nanoTime();
        cluster = SecuredCluster.start(3, Duration.ofMinutes(6));
        clusterMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        registry.add(
                "weightscope.elasticsearch.uris",
                () -> cluster.uris().stream().map(URI::toString).collect(Collectors.joining(",")));
        registry.add("weightscope.elasticsearch.username", cluster::username);
        registry.add("weightscope.elasticsearch.password", cluster::password);
        registry.add(
                "weightscope.elasticsearch.ca-certificate",
                () -> cluster.caCertificate().toString());
        registry.add("weightscope.elasticsearch.index-prefix", () -> "cluster" + System.nanoTime());
        HubReplay.sources(registry, "http://localhost:" + PORT);
    }

    final int port;
    final CrawlService crawls;
    final CatalogueService catalogue;
    final CatalogueHistory history;
    final ElasticsearchClient client;
    final Indices indices;

    @Autowired
    ClusterCrawlTest(
            @LocalServerPort int port,
            CrawlService crawls,
            CatalogueService catalogue,
            CatalogueHistory history,
            ElasticsearchClient client,
            Indices indices) {
        this.port = port;
        this.crawls = crawls;
        this.catalogue = catalogue;
        this.history = history;
        this.client = client;
        this.indices = indices;
    }

    @AfterAll
    static void stop() {
        if (hub != null) hub.stop();
        if (cluster != null) cluster.close();
    }

    static void serveHub(java.util.function.Function<Integer, HubReplay.Fault> fault) {
        if (hub != null) hub.stop();
        hub = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
        hub.start();
        REPLAY.stub(hub, fault);
    }

    @Test
    void aCrawlDuringWhichANodeIsKilledEndsWithTheDataOfACleanRun() throws Exception {
        // three nodes, every shard with its replica, nothing answered without credentials
        JsonNode health = JSON.readTree(
                cluster.health(0, "wait_for_status=green&timeout=30s").orElseThrow());
        assertThat(health.get("number_of_nodes").asInt()).isEqualTo(3);
        assertThat(health.get("active_primary_shards").asInt()).isPositive();
        assertThat(health.get("active_shards").asInt())
                .as("one replica of every shard")
                .isEqualTo(2 * health.get("active_primary_shards").asInt());
        assertThat(cluster.anonymousStatus(1)).isEqualTo(401);

        serveHub(p -> null);
        long begin = System.nanoTime();
        CrawlRun clean = crawls.run("huggingface", "full");
        long cleanMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        assertThat(clean.status()).isEqualTo(CrawlRun.FINISHED);
        assertThat(clean.items()).isEqualTo(701);
        Map<String, String> expected = stored();
        assertThat(expected).hasSize(701 + 701 + 701);
        emptyStore();
        assertThat(stored()).isEmpty();

        // page 3 is answered slowly: the node dies while the crawl is under way
        serveHub(p -> p == 3
                ? new HubReplay.Fault(
                        HubReplay.json(REPLAY.fullPageBody(3), null).withFixedDelay(700), false)
                : null);
        begin = System.nanoTime();
        CompletableFuture<CrawlRun> crawl = CompletableFuture.supplyAsync(() -> crawls.run("huggingface", "full"));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> hub.getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().contains("cursor=all3")));
        String master = cluster.get(0, "/_cat/master?h=node").orElseThrow().strip();
        int victim = IntStream.range(0, 3)
                .filter(i -> i != cluster.index(master))
                .findFirst()
                .orElseThrow();
        long killed = cluster.kill(victim);
        System.out.printf("Cluster: killed node n%d (pid %d, master is %s) mid-crawl%n", victim + 1, killed, master);

        // the read API keeps answering while the cluster is a node short
        for (String path : java.util.List.of(
                "/api/v1/models?q=llama&size=5", "/api/v1/adoption?metric=models&by=origin", "/api/v1/events?size=5")) {
            assertThat(api(path).statusCode()).as(path).isEqualTo(200);
        }
        CrawlRun run = crawl.get(5, TimeUnit.MINUTES);
        for (int retry = 0; !CrawlRun.FINISHED.equals(run.status()) && retry < 3; retry++) {
            System.out.printf("Cluster: run %s ended %s (%s); resuming%n", run.id(), run.status(), run.message());
            run = crawls.run("huggingface", "full");
        }
        long faultMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        int alive = (victim + 1) % 3;
        assertThat(JSON.readTree(cluster.health(alive, "").orElseThrow())
                        .get("number_of_nodes")
                        .asInt())
                .isEqualTo(2);
        assertThat(api("/api/v1/models?q=qwen&size=5").statusCode()).isEqualTo(200);

        Map<String, String> after = stored();
        assertThat(after.keySet()).isEqualTo(expected.keySet());
        assertThat(after).isEqualTo(expected);
        System.out.printf(
                "Cluster: 3 nodes up in %d ms; clean crawl %d ms; crawl with a node killed %d ms; %d documents equal%n",
                clusterMillis, cleanMillis, faultMillis, after.size());
    }

    /** Models, snapshots of the day and events by id, with the fields a crawl decides (no run ids or clock times). */
    Map<String, String> stored() {
        history.refresh();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> out = new TreeMap<>();
        for (CatalogueModel m : catalogue.topModels(5000)) {
            out.put(
                    m.id(),
                    String.join(
                            "|",
                            String.valueOf(m.figures().downloads30d()),
                            String.valueOf(m.figures().likes()),
                            String.valueOf(m.figures().sha()),
                            String.valueOf(m.figures().gated()),
                            String.valueOf(m.attribution())));
            history.snapshot(m.id(), day)
                    .ifPresent(s -> out.put(
                            s.id(),
                            s.downloads30d() + "|" + s.gated() + "|"
                                    + history.attributionOf(s).orElse(null)));
        }
        history.events(null, null, 5000)
                .forEach(e -> out.put("event " + e.id(), e.type() + "|" + e.at() + "|" + e.newValue()));
        return out;
    }

    /** The store emptied document by document (the distribution has no delete-by-query), monthly indices dropped. */
    void emptyStore() throws Exception {
        client.indices().delete(d -> d.index(indices.prefix() + "-snapshots-v*").allowNoIndices(true));
        for (String alias :
                java.util.List.of(indices.alias("models"), indices.alias("events"), indices.alias("crawl-runs"))) {
            client.indices().refresh(r -> r.index(alias));
            var ids = client.search(s -> s.index(alias).size(10_000).source(src -> src.fetch(false)), Void.class)
                    .hits()
                    .hits();
            if (ids.isEmpty()) continue;
            client.bulk(b -> b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                    .operations(ids.stream()
                            .map(h -> co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(
                                    o -> o.delete(x -> x.index(h.index()).id(h.id()))))
                            .toList()));
        }
    }

    HttpResponse<String> api(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
