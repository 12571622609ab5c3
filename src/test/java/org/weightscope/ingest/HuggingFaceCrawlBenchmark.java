package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.weightscope.WeightscopeApplication;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.Fixtures;
import org.weightscope.shared.HubFigures;

/**
 * Not a test (Surefire excludes *Benchmark*): replays a generated full catalogue through the real crawler
 * (HTTP, Link paging, attribution, snapshots, events, crawl-run cursor) into the embedded Elasticsearch,
 * then bulk-indexes the same model documents raw, and prints models/s and peak heap for both.
 *
 * <p>Items are the recorded list items and full bodies (751) with new ids, generated page by page by a
 * local HTTP server, so nothing big is ever on disk or in memory. Run (see crawlers/README-huggingface.md):
 *
 * <pre>
 * ./weightscope bench HuggingFaceCrawlBenchmark -Xmx256m models=1000000
 * </pre>
 *
 * <p>Its own Elasticsearch, data folder and a free port ({@link org.weightscope.scale.BenchmarkApp}).
 */
public final class HuggingFaceCrawlBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_FIELDS = Set.of(
            "_id",
            "id",
            "modelId",
            "author",
            "createdAt",
            "lastModified",
            "downloads",
            "downloadsAllTime",
            "likes",
            "tags",
            "pipeline_tag",
            "library_name",
            "cardData",
            "safetensors",
            "gguf",
            "gated",
            "sha",
            "private",
            "trendingScore");

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = org.weightscope.scale.BenchmarkApp.args(args, "models");
        long total = org.weightscope.scale.BenchmarkApp.number(arguments, "models", 1_000_000L);
        int pageSize = (int) Math.min(1000, Math.max(1, total));
        List<ObjectNode> templates = templates();
        HttpServer hub = generator(templates, total, pageSize);
        String base = "http://127.0.0.1:" + hub.getAddress().getPort();
        String prefix = org.weightscope.scale.BenchmarkApp.prefix("bench");
        SpringApplication app = new SpringApplication(WeightscopeApplication.class);
        // a servlet app on a free port (the security configuration needs a servlet context), its own data folders
        List<String> more = new java.util.ArrayList<>(sourceArgs(base, pageSize));
        more.add("--logging.level.org.weightscope.ingest.CrawlService=info");
        String[] properties = org.weightscope.scale.BenchmarkApp.properties(prefix, more.toArray(String[]::new));
        HeapSampler heap = new HeapSampler();
        int code = 0;
        try (ConfigurableApplicationContext context = app.run(properties)) {
            CrawlService crawls = context.getBean(CrawlService.class);
            CatalogueService catalogue = context.getBean(CatalogueService.class);
            CatalogueHistory history = context.getBean(CatalogueHistory.class);
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);

            System.gc();
            heap.reset();
            long t0 = System.nanoTime();
            CrawlRun run = crawls.run("huggingface", "full");
            double crawlSeconds = (System.nanoTime() - t0) / 1e9;
            long crawlPeak = heap.peak();
            history.refresh();
            System.out.printf(
                    "crawler: %s, %d pages, %d models in %.1f s = %.0f models/s; peak heap %d MB (max %d MB);"
                            + " stored: %d models, %d snapshots, %d events%n",
                    run.status(),
                    run.pages(),
                    run.items(),
                    crawlSeconds,
                    run.items() / crawlSeconds,
                    crawlPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    catalogue.modelCount(),
                    history.snapshotCount(),
                    history.eventCount());

            // the same model documents, bulk-indexed raw (no HTTP, no attribution, no snapshots/events/cursor)
            String raw = prefix + "-raw-models";
            String mapping = new String(HuggingFaceCrawlBenchmark.class
                    .getResourceAsStream("/elasticsearch/models-v1.json")
                    .readAllBytes());
            client.indices().create(c -> c.index(raw).withJson(new StringReader(mapping)));
            List<CatalogueModel> described = catalogue.describe(
                    templates.stream().map(t -> observation(t)).toList());
            System.gc();
            heap.reset();
            long t1 = System.nanoTime();
            long n = 0;
            while (n < total) {
                List<BulkOperation> ops = new ArrayList<>(pageSize);
                for (int i = 0; i < pageSize && n < total; i++, n++) {
                    CatalogueModel m = renamed(described.get((int) (n % described.size())), n);
                    ops.add(BulkOperation.of(
                            o -> o.index(x -> x.index(raw).id(m.id()).document(m))));
                }
                client.bulk(BulkRequest.of(b -> b.operations(ops)));
            }
            client.indices().refresh(r -> r.index(raw));
            double rawSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "raw _bulk: %d models in %.1f s = %.0f models/s; peak heap %d MB%n",
                    n, rawSeconds, n / rawSeconds, heap.peak() >> 20);
            if (!CrawlRun.FINISHED.equals(run.status()) || run.items() != total) {
                throw new IllegalStateException(
                        "the crawl did not store every model: " + run.status() + ", " + run.items() + " of " + total);
            }
            System.out.printf(
                    "crawl: models=%d crawl_models_per_s=%.0f raw_models_per_s=%.0f ratio=%.2f heap_mb=%d%n",
                    total,
                    run.items() / crawlSeconds,
                    n / rawSeconds,
                    (run.items() / crawlSeconds) / (n / rawSeconds),
                    crawlPeak >> 20);
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        } finally {
            heap.stop();
            hub.stop(0);
        }
        System.exit(code);
    }

    /** The recorded list items and full bodies, cut to the fields a listing with expand[] returns. */
    public static List<ObjectNode> templates() {
        HubReplay replay = new HubReplay();
        List<ObjectNode> out = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>(replay.listItems);
        all.addAll(replay.fullBodies.values());
        for (JsonNode item : all) {
            ObjectNode t = JSON.createObjectNode();
            item.fields().forEachRemaining(e -> {
                if (LIST_FIELDS.contains(e.getKey())) t.set(e.getKey(), e.getValue());
            });
            String id = item.get("id").asText();
            t.put("author", id.substring(0, id.indexOf('/')));
            out.add(t);
        }
        return out;
    }

    /** A copy of crawlers/huggingface.yaml pointed at {@code baseUrl}, with {@code pageSize} and no rate limit. */
    /** The Hugging Face definition only, pointed at {@code baseUrl} through configuration (never an edited YAML). */
    public static List<String> sourceArgs(String baseUrl, int pageSize) {
        java.util.Map<String, String> overrides = HubReplay.overrides(baseUrl);
        overrides.put("page-size", String.valueOf(pageSize));
        overrides.put("rate-limit", "100000/s");
        List<String> out = new java.util.ArrayList<>();
        out.add("--weightscope.sources.dir=" + org.weightscope.HuggingFaceOnlySources.dir());
        overrides.forEach(
                (field, value) -> out.add("--weightscope.sources.override.huggingface." + field + "=" + value));
        return out;
    }

    static String newId(JsonNode template, long n) {
        return template.get("id").asText() + "-g" + n;
    }

    /** {@code /api/models?…&cursor=<n>}: page n of the generated catalogue, with a Link to the next. */
    static HttpServer generator(List<ObjectNode> templates, long total, int pageSize) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/models", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            long page = 0;
            for (String p : query == null ? new String[0] : query.split("&")) {
                if (p.startsWith("cursor=")) page = Long.parseLong(p.substring(7));
            }
            long from = page * pageSize;
            long to = Math.min(total, from + pageSize);
            if (to < total) {
                String self = exchange.getRequestURI().toString().replaceAll("&cursor=\\d+", "");
                exchange.getResponseHeaders().add("Link", "<" + self + "&cursor=" + (page + 1) + ">; rel=\"next\"");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody();
                    JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
                gen.writeStartArray();
                for (long n = from; n < to; n++) {
                    ObjectNode t = templates.get((int) (n % templates.size()));
                    ObjectNode item = JSON.createObjectNode();
                    item.setAll(t);
                    String id = newId(t, n);
                    item.put("id", id).put("modelId", id).put("_id", Long.toHexString(n));
                    gen.writeTree(item);
                }
                gen.writeEndArray();
            }
        });
        server.start();
        return server;
    }

    static Observation observation(ObjectNode t) {
        List<String> tags = new ArrayList<>();
        t.path("tags").forEach(x -> tags.add(x.asText()));
        return new Observation(
                Fixtures.listing(
                        t.get("id").asText(),
                        t.get("author").asText(),
                        t.path("pipeline_tag").asText(null),
                        t.path("library_name").asText(null),
                        tags),
                new HubFigures(
                        t.path("gated").asText(null),
                        null,
                        null,
                        null,
                        t.path("downloads").asLong(),
                        null,
                        t.path("likes").asLong()),
                Instant.now(),
                false,
                "benchmark");
    }

    static CatalogueModel renamed(CatalogueModel m, long n) {
        String repo = m.repoId() + "-g" + n;
        return new CatalogueModel(
                "hf:" + repo,
                m.hub(),
                repo,
                m.author(),
                m.figures(),
                m.facts(),
                m.attribution(),
                m.originCredit(),
                m.asOf(),
                m.recorded(),
                m.source(),
                null);
    }

    /** Samples used heap every 20 ms (the pools' own peaks also count GC-transient use). */
    public static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        public HeapSampler() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            long used = 0;
                            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                                if (pool.getType() == MemoryType.HEAP)
                                    used += pool.getUsage().getUsed();
                            }
                            peak.accumulateAndGet(used, Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        public void reset() {
            peak.set(0);
        }

        public long peak() {
            return peak.get();
        }

        public void stop() {
            running = false;
        }
    }
}
