package org.weightscope.scale;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.weightscope.WeightscopeApplication;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.Reattribution;
import org.weightscope.dashboard.ViewQueries;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;
import org.weightscope.ingest.HuggingFaceCrawlBenchmark;
import org.weightscope.storage.Indices;

/**
 * Not a test: {@code ./weightscope bench ScaleBenchmark models=<N> days=<D> [users=20] [runs=…] [seed=…] [naive=off]}. Replays
 * D days of a {@link GeneratedHub} of N models through the real crawler (one full crawl per simulated day, the
 * crawl's clock set to that day) into a fresh embedded Elasticsearch, then measures
 * <ul>
 *   <li>ingest documents/s (each crawled model-day writes a snapshot and the model's document) against a raw
 *       {@code _bulk} of the same documents read back from the store: same count, bulks of one crawl page each,
 *       same index settings (the snapshot template), no refresh beyond the index's own;</li>
 *   <li>the benchmark JVM's (= the app's) peak used heap during the crawls, store bytes per model-day;</li>
 *   <li>p50/p95 of the overview's (all panels) and the explorer's data queries at 1 and at {@code users}
 *       concurrent users, as the app answers them and with the naive aggregation over the raw snapshots. "As the
 *       app answers them" ({@code p95_1}, {@code p95_20}): rounds of users asking at once, each round right after a
 *       store change, so nothing is reused from before and each answer is computed from the cube once while the
 *       round's other users wait for it (the answer cache). Also printed: the cube with the answer cache off (each
 *       request computes everything), and cache hits;</li>
 *   <li>the time to re-apply a registry change (MIT re-classed) to the whole store.</li>
 * </ul>
 * Its own Elasticsearch, data folder and a free port ({@link BenchmarkApp}). The last line:
 * {@code scale: models=… days=… snapshots=… ingest_ratio=… heap_mb=… bytes_per_model_day=… p95_1=… p95_20=…
 * raw_p95_20=… speedup=…} (p95 of the overview's queries in ms; speedup = raw_p95_20 / p95_20).
 */
public final class ScaleBenchmark {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    /** Whether the naive aggregation is measured (argument {@code naive=off}: not). */
    private static boolean naive = true;

    /** A clock the benchmark moves from simulated day to day (04:00 UTC, when the full crawl is scheduled). */
    static final class DayClock extends Clock {
        volatile Instant now = FIRST_DAY.atTime(4, 0).toInstant(ZoneOffset.UTC);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = BenchmarkApp.args(argv, "models");
        long models = BenchmarkApp.number(args, "models", 250_000);
        int days = (int) BenchmarkApp.number(args, "days", 90);
        int users = (int) BenchmarkApp.number(args, "users", 20);
        int runs = (int) BenchmarkApp.number(args, "runs", models < 10_000 ? 10 : 40);
        long seed = BenchmarkApp.number(args, "seed", 14);
        // naive=off skips the naive aggregation (at 250,000 models each of its requests groups every snapshot of the
        // days it asks about for itself: hours for 20 users); the last line then says raw_p95_20=NaN speedup=NaN
        naive = !"off".equals(args.getOrDefault("naive", "on"));
        // the production cadence: models under 100 downloads a month snapshotted weekly (0: every model daily)
        long dailyFrom = BenchmarkApp.number(args, "daily-from", 100);
        int pageSize = 1000;
        int code = 0;
        Path registry = Files.createTempDirectory("weightscope-bench-registry");
        for (String f : List.of("organizations.yaml", "licences.yaml", "sectors.yaml")) {
            Files.copy(Path.of("crawlers/registry").resolve(f), registry.resolve(f));
        }
        try (GeneratedHub hub = new GeneratedHub(models, days, seed, pageSize)) {
            String prefix = BenchmarkApp.prefix("scale");
            DayClock clock = new DayClock();
            SpringApplication app = new SpringApplication(WeightscopeApplication.class);
            app.addInitializers(
                    c -> ((GenericApplicationContext) c).registerBean("benchmarkClock", Clock.class, () -> clock));
            List<String> more =
                    new java.util.ArrayList<>(HuggingFaceCrawlBenchmark.sourceArgs(hub.baseUrl(), pageSize));
            more.add("--weightscope.attribution.registry-dir=" + registry);
            more.add("--weightscope.snapshots.daily-from-downloads=" + dailyFrom);
            String[] properties = BenchmarkApp.properties(prefix, more.toArray(String[]::new));
            try (ConfigurableApplicationContext context = app.run(properties)) {
                code = run(context, hub, clock, models, days, users, runs, prefix, registry);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(registry); // the run's copy, edited by step 4
        }
        System.exit(code);
    }

    private static int run(
            ConfigurableApplicationContext context,
            GeneratedHub hub,
            DayClock clock,
            long models,
            int days,
            int users,
            int runs,
            String prefix,
            Path registry)
            throws Exception {
        CrawlService crawls = context.getBean(CrawlService.class);
        CatalogueHistory history = context.getBean(CatalogueHistory.class);
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        Indices indices = context.getBean(Indices.class);
        HuggingFaceCrawlBenchmark.HeapSampler heap = new HuggingFaceCrawlBenchmark.HeapSampler();

        // 1. D daily full crawls through the real crawler
        Work crawlWork = Work.start(client);
        System.gc();
        heap.reset();
        double crawlSeconds = 0;
        long crawled = 0;
        long[] crawledOn = new long[days];
        for (int d = 0; d < days; d++) {
            hub.day(d);
            clock.now = FIRST_DAY.plusDays(d).atTime(4, 0).toInstant(ZoneOffset.UTC);
            long t = System.nanoTime();
            CrawlRun run = crawls.run("huggingface", "full");
            double s = (System.nanoTime() - t) / 1e9;
            crawlSeconds += s;
            crawled += run.items();
            crawledOn[d] = run.items();
            if (!CrawlRun.FINISHED.equals(run.status()) || !run.failures().isEmpty()) {
                throw new IllegalStateException("crawl of day " + d + " " + run.status() + ": " + run.message());
            }
            System.out.printf(
                    "day %d (%s): %d models in %.1f s = %.0f models/s%n",
                    d, FIRST_DAY.plusDays(d), run.items(), s, run.items() / s);
        }
        crawlWork.print("crawler");
        long heapMb = heap.peak() >> 20;
        history.refresh();
        long snapshots = history.snapshotCount();
        long versions =
                client.count(c -> c.index(indices.alias("attributions"))).count();
        // documents the crawls wrote: each crawled model-day its model document, the snapshots the cadence took and the
        // attribution versions they name (the updates that end the previous captures, events and links on top, are not
        // counted)
        long docs = crawled + snapshots + versions;
        double crawlRate = docs / crawlSeconds;
        System.out.printf(
                "crawler: %d model-days, %d snapshots, %d attribution versions, %d events in %.1f s = %.0f"
                        + " documents/s; peak heap %d MB%n",
                crawled, snapshots, versions, history.eventCount(), crawlSeconds, crawlRate, heapMb);

        // 2. the same documents through a raw _bulk
        Work rawWork = Work.start(client);
        double rawRate = rawBulk(client, indices, prefix, crawledOn, 1000);
        rawWork.print("raw _bulk");
        double ingestRatio = crawlRate / rawRate;
        long storeBytes = storeBytes(client, prefix + "-snapshots*")
                + storeBytes(client, prefix + "-models*")
                + storeBytes(client, prefix + "-attributions*");
        double bytesPerModelDay = storeBytes / (double) Math.max(1, snapshots);
        long cubeBytes = storeBytes(client, prefix + "-adoption-cube*");
        long cubeDocs = client.count(c -> c.index(prefix + "-adoption-cube*")).count();
        System.out.printf(
                "raw _bulk: %.0f documents/s; ingest ratio %.2f; store %d MB (snapshots + models + attribution"
                        + " versions) = %.0f bytes"
                        + " per model-day; cube %d documents, %d KB%n",
                rawRate, ingestRatio, storeBytes >> 20, bytesPerModelDay, cubeDocs, cubeBytes >> 10);
        System.out.println("store per index (primaries): "
                + perDocument(client, "snapshots", prefix + "-snapshots*") + "; "
                + perDocument(client, "models", prefix + "-models*") + "; "
                + perDocument(client, "attribution versions", prefix + "-attributions*") + "; "
                + perDocument(client, "events", prefix + "-events*"));

        // 3. the views' data queries, as the app answers them and naive over the raw snapshots
        Runnable overview = ViewQueries.overview(context);
        Runnable explorer = ViewQueries.explorer(context);
        AdoptionService adoption = context.getBean(AdoptionService.class);
        // the cube's own answers, the answer cache off: every request computes everything, nothing is shared
        org.weightscope.catalogue.FigureCache figureCache =
                context.getBean(org.weightscope.catalogue.FigureCache.class);
        figureCache.enabled(false);
        double[] uncached1 = latency("overview (no cache)", overview, 1, runs);
        breakdown(ViewQueries.overviewParts(context), runs);
        double[] uncached20 = latency("overview (no cache)", overview, users, runs);
        latency("explorer (no cache)", explorer, 1, runs);
        latency("explorer (no cache)", explorer, users, runs);
        // as users get them: every round starts right after a store change (nothing cached), its users ask at once,
        // and each answer is computed once from the cube while the round's other users wait for it
        figureCache.enabled(true);
        double[] app1 = coldRounds("overview", overview, 1, runs, figureCache);
        double[] app20 = coldRounds("overview", overview, users, runs, figureCache);
        double[] hits20 = latency("overview (cache hit)", overview, users, runs);
        figureCache.enabled(false);
        double[] raw20 = app20;
        if (!naive) {
            raw20 = new double[] {Double.NaN, Double.NaN};
            System.out.println("(naive=off: the naive aggregation is not measured)");
        } else if (CubeSwitch.available(adoption)) {
            CubeSwitch.use(adoption, false);
            latency("overview (naive)", overview, 1, runs);
            breakdown(ViewQueries.overviewParts(context), runs);
            raw20 = latency("overview (naive)", overview, users, runs);
            latency("explorer (naive)", explorer, users, runs);
            CubeSwitch.use(adoption, true);
        } else {
            System.out.println("(no cube: the app's answers are the naive aggregation over the raw snapshots)");
        }

        // 4. a registry change re-applied to the whole store
        Path licences = registry.resolve("licences.yaml");
        String before = Files.readString(licences);
        String after = before.replace("{id: mit, class: permissive,", "{id: mit, class: open-weights-restricted,");
        if (after.equals(before)) {
            throw new IllegalStateException(
                    "the MIT entry of licences.yaml changed shape: the registry change is void");
        }
        Files.writeString(licences, after);
        long writesBefore = indexTotal(client, prefix + "-snapshots*");
        long t = System.nanoTime();
        Reattribution.Result result = context.getBean(Reattribution.class).reapply();
        double reattributeSeconds = (System.nanoTime() - t) / 1e9;
        long rewritten = indexTotal(client, prefix + "-snapshots*") - writesBefore;
        System.out.printf(
                "re-attribution (mit re-classed): %d models, %d changed, %.1f s; snapshot documents rewritten:"
                        + " %d%n",
                result.models(), result.changed(), reattributeSeconds, rewritten);
        // its parts: the cube rebuild it ends with, timed alone (a second rebuild of the same store), and the rest
        t = System.nanoTime();
        int cubeDays = adoption.cube().rebuild();
        double rebuildSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                "re-attribution parts: the cube rebuild (%d days, %d snapshots) %.1f s; the models and their"
                        + " attribution versions %.1f s%n",
                cubeDays, snapshots, rebuildSeconds, reattributeSeconds - rebuildSeconds);
        overview.run();

        figureCache.enabled(true);
        System.out.printf(
                "overview p95: computed from the cube after a store change p95_1=%.1f p95_20=%.1f ms; the cube with"
                        + " no answer cache p95_1=%.1f p95_20=%.1f ms (speedup %.1f); cache hits p95_20=%.1f ms%n",
                app1[1], app20[1], uncached1[1], uncached20[1], raw20[1] / uncached20[1], hits20[1]);
        double speedup = raw20[1] / app20[1];
        System.out.printf(
                "scale: models=%d days=%d snapshots=%d ingest_ratio=%.2f heap_mb=%d bytes_per_model_day=%.0f"
                        + " p95_1=%.1f p95_20=%.1f raw_p95_20=%.1f speedup=%.1f%n",
                models, days, snapshots, ingestRatio, heapMb, bytesPerModelDay, app1[1], app20[1], raw20[1], speedup);
        return 0;
    }

    /**
     * {@code runs} rounds of {@code users} users asking at once, each round right after a store change (the answer
     * cache emptied), so every answer of a round is computed again; prints and returns p50, p95 over every request.
     */
    static double[] coldRounds(
            String name, Runnable query, int users, int runs, org.weightscope.catalogue.FigureCache cache)
            throws Exception {
        query.run();
        double[] ms = new double[users * runs];
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            for (int round = 0; round < runs; round++) {
                cache.enabled(true);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<Future<?>> all = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    int slot = round * users + u;
                    all.add(pool.submit(() -> {
                        start.await();
                        long t = System.nanoTime();
                        query.run();
                        ms[slot] = (System.nanoTime() - t) / 1e6;
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : all) f.get();
            }
        } finally {
            pool.shutdown();
        }
        return report(name + " (after a change)", users, ms);
    }

    /** The median time of each part of a view at one user, on one line: where the view's time goes. */
    static void breakdown(java.util.Map<String, Runnable> parts, int runs) {
        StringBuilder line = new StringBuilder("overview parts (1 user, median ms):");
        parts.forEach((name, part) -> {
            part.run();
            double[] ms = new double[Math.max(1, runs)];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                part.run();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            line.append(String.format(" %s=%.1f", name.replace(' ', '_'), ms[ms.length / 2]));
        });
        System.out.println(line);
    }

    /** Runs {@code query} {@code runs} times per user with {@code users} users at once; prints and returns p50, p95. */
    static double[] latency(String name, Runnable query, int users, int runs) throws Exception {
        for (int i = 0; i < Math.max(2, runs / 5); i++) query.run();
        double[] ms = new double[users * runs];
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < runs; i++) {
                        long t = System.nanoTime();
                        query.run();
                        ms[user * runs + i] = (System.nanoTime() - t) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdown();
        }
        return report(name, users, ms);
    }

    private static double[] report(String name, int users, double[] ms) {
        Arrays.sort(ms);
        double p50 = ms[ms.length / 2];
        double p95 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)];
        System.out.printf(
                "%-34s users=%-3d runs=%-5d p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms%n",
                name, users, ms.length, p50, p95, ms[ms.length - 1]);
        return new double[] {p50, p95};
    }

    /**
     * Bulk-indexes, day by day, the documents the crawl of that day wrote, read back from the store: the day's
     * snapshots and as many model documents as models were crawled that day, into raw indices with the same settings
     * and mappings, in bulks of {@code page} model documents with their share of the day's snapshots (as a crawl page
     * writes them). Only the bulk calls and the final refresh are timed. Returns documents/s.
     */
    /**
     * Where a phase's time went: CPU seconds of this JVM (the app) and of Elasticsearch (this JVM's child
     * processes), and Elasticsearch's own counters (milliseconds its threads spent indexing, merging, refreshing,
     * searching, getting). On 2 cores the crawl is CPU-bound, so these say why it is slower than the raw bulk.
     */
    record Work(ElasticsearchClient client, long app, long elasticsearch, Map<String, Long> counters) {

        static Work start(ElasticsearchClient client) throws Exception {
            long[] cpu = cpu();
            return new Work(client, cpu[0], cpu[1], counters(client));
        }

        void print(String phase) throws Exception {
            long[] cpu = cpu();
            StringBuilder b = new StringBuilder(String.format(
                    "%s work: cpu app %.1f s, elasticsearch %.1f s; elasticsearch",
                    phase, (cpu[0] - app) / 1e9, (cpu[1] - elasticsearch) / 1e9));
            counters(client)
                    .forEach((k, v) -> b.append(' ').append(k).append('=').append(v - counters.getOrDefault(k, 0L)));
            System.out.println(b);
        }

        private static long[] cpu() {
            long app = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long es = ProcessHandle.current()
                    .descendants()
                    .mapToLong(p -> p.info()
                            .totalCpuDuration()
                            .map(java.time.Duration::toNanos)
                            .orElse(0L))
                    .sum();
            return new long[] {app, es};
        }

        private static Map<String, Long> counters(ElasticsearchClient client) throws Exception {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (var n : client.nodes().stats(s -> s.metric("indices")).nodes().values()) {
                var i = n.indices();
                out.merge("indexed", i.indexing().indexTotal(), Long::sum);
                out.merge("index_ms", i.indexing().indexTimeInMillis(), Long::sum);
                out.merge("merge_ms", i.merges().totalTimeInMillis(), Long::sum);
                out.merge("refreshes", i.refresh().total(), Long::sum);
                out.merge("refresh_ms", i.refresh().totalTimeInMillis(), Long::sum);
                out.merge("query_ms", i.search().queryTimeInMillis(), Long::sum);
                out.merge("fetch_ms", i.search().fetchTimeInMillis(), Long::sum);
                out.merge("gets", i.get().total(), Long::sum);
                out.merge("get_ms", i.get().timeInMillis(), Long::sum);
            }
            return out;
        }
    }

    static double rawBulk(ElasticsearchClient client, Indices indices, String prefix, long[] crawledOn, int page)
            throws Exception {
        String template = new String(ScaleBenchmark.class
                .getResourceAsStream("/elasticsearch/templates/snapshots-v1.json")
                .readAllBytes());
        client.indices()
                .putIndexTemplate(t -> t.name(prefix + "-raw-snapshots")
                        .withJson(new java.io.StringReader("{\"index_patterns\":[\"" + prefix
                                + "-raw-snapshots-*\"],\"priority\":300,\"template\":" + template + "}")));
        String modelsMapping = new String(ScaleBenchmark.class
                .getResourceAsStream("/elasticsearch/models-v2.json")
                .readAllBytes());
        String rawModels = prefix + "-raw-models";
        client.indices().create(c -> c.index(rawModels).withJson(new java.io.StringReader(modelsMapping)));
        String snapshotsAlias = indices.alias("snapshots");
        String modelsAlias = indices.alias("models");
        long docs = 0;
        long nanos = 0;
        for (int d = 0; d < crawledOn.length; d++) {
            String day = FIRST_DAY.plusDays(d).toString();
            String month = day.substring(0, 7).replace('-', '.');
            long daySnapshots = client.count(c -> c.index(snapshotsAlias)
                            .query(q -> q.term(x -> x.field("day").value(day))))
                    .count();
            int share = (int) Math.ceil(daySnapshots * (double) page / Math.max(1, crawledOn[d]));
            Cursor snapshots = new Cursor(
                    client, snapshotsAlias, q -> q.term(x -> x.field("day").value(day)), share);
            Cursor models = new Cursor(client, modelsAlias, q -> q.matchAll(m -> m), page);
            long modelsLeft = crawledOn[d];
            while (true) {
                List<Hit<JsonData>> snaps = snapshots.next();
                List<Hit<JsonData>> mods = modelsLeft > 0 ? models.next() : List.of();
                if (mods.size() > modelsLeft) mods = mods.subList(0, (int) modelsLeft);
                modelsLeft -= mods.size();
                if (snaps.isEmpty() && mods.isEmpty()) break;
                List<BulkOperation> ops = new ArrayList<>(snaps.size() + mods.size());
                for (Hit<JsonData> h : snaps) {
                    ops.add(BulkOperation.of(o -> o.index(i -> i.index(prefix + "-raw-snapshots-" + month)
                            .id(h.id())
                            .document(h.source()))));
                }
                for (Hit<JsonData> h : mods) {
                    ops.add(BulkOperation.of(
                            o -> o.index(i -> i.index(rawModels).id(h.id()).document(h.source()))));
                }
                long t = System.nanoTime();
                var r = client.bulk(b -> b.operations(ops));
                nanos += System.nanoTime() - t;
                if (r.errors()) throw new IllegalStateException("raw bulk had errors");
                docs += ops.size();
            }
        }
        // the attribution versions, in pages of the same size
        String versionsMapping = new String(ScaleBenchmark.class
                .getResourceAsStream("/elasticsearch/attributions-v1.json")
                .readAllBytes());
        String rawVersions = prefix + "-raw-attributions";
        client.indices().create(c -> c.index(rawVersions).withJson(new java.io.StringReader(versionsMapping)));
        Cursor versions = new Cursor(client, indices.alias("attributions"), q -> q.matchAll(m -> m), page);
        for (List<Hit<JsonData>> hits = versions.next(); !hits.isEmpty(); hits = versions.next()) {
            List<BulkOperation> ops = new ArrayList<>(hits.size());
            for (Hit<JsonData> h : hits) {
                ops.add(BulkOperation.of(
                        o -> o.index(i -> i.index(rawVersions).id(h.id()).document(h.source()))));
            }
            long t = System.nanoTime();
            var r = client.bulk(b -> b.operations(ops));
            nanos += System.nanoTime() - t;
            if (r.errors()) throw new IllegalStateException("raw bulk had errors");
            docs += ops.size();
        }
        long t = System.nanoTime();
        client.indices().refresh(r -> r.index(prefix + "-raw-*"));
        nanos += System.nanoTime() - t;
        System.out.printf("raw _bulk: %d documents in %.1f s%n", docs, nanos / 1e9);
        return docs / (nanos / 1e9);
    }

    /** Pages through an index's documents in id order (search_after). */
    static final class Cursor {
        private final ElasticsearchClient client;
        private final String index;
        private final java.util.function.Function<
                        co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder,
                        co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.query_dsl.Query>>
                query;
        private final int size;
        private List<co.elastic.clients.elasticsearch._types.FieldValue> after;
        private boolean done;

        Cursor(
                ElasticsearchClient client,
                String index,
                java.util.function.Function<
                                co.elastic.clients.elasticsearch._types.query_dsl.Query.Builder,
                                co.elastic.clients.util.ObjectBuilder<
                                        co.elastic.clients.elasticsearch._types.query_dsl.Query>>
                        query,
                int size) {
            this.client = client;
            this.index = index;
            this.query = query;
            this.size = Math.max(1, size);
        }

        List<Hit<JsonData>> next() throws java.io.IOException {
            if (done) return List.of();
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            var hits = client.search(
                            s -> {
                                s.index(index)
                                        .size(size)
                                        .query(query)
                                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                                return from == null ? s : s.searchAfter(from);
                            },
                            JsonData.class)
                    .hits()
                    .hits();
            if (hits.size() < size) done = true;
            if (!hits.isEmpty()) after = hits.get(hits.size() - 1).sort();
            return hits;
        }
    }

    static long storeBytes(ElasticsearchClient client, String pattern) throws Exception {
        var stats = client.indices().stats(s -> s.index(pattern).metric("store"));
        return stats.all().primaries().store().sizeInBytes();
    }

    /** "name N MB = B bytes each (D documents)" of the primaries behind {@code pattern}, for the production sizing. */
    static String perDocument(ElasticsearchClient client, String name, String pattern) throws Exception {
        var all = client.indices()
                .stats(s -> s.index(pattern).metric("store"))
                .all()
                .primaries();
        long docs = client.count(c -> c.index(pattern)).count(); // top-level documents (nested ones are not apart)
        long bytes = all.store().sizeInBytes();
        return String.format(
                "%s %d MB = %.0f bytes each (%d documents)",
                name, bytes >> 20, bytes / (double) Math.max(1, docs), docs);
    }

    static long indexTotal(ElasticsearchClient client, String pattern) throws Exception {
        var stats = client.indices().stats(s -> s.index(pattern).metric("indexing"));
        return stats.all().primaries().indexing().indexTotal();
    }

    /** Switches the app between the cube and the naive aggregation, when the app has a cube. */
    static final class CubeSwitch {
        static boolean available(AdoptionService adoption) {
            return adoption.cube().enabled();
        }

        static void use(AdoptionService adoption, boolean cube) {
            adoption.cube().enabled(cube);
        }
    }

    private ScaleBenchmark() {}
}
