package org.weightscope.scheduling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.weightscope.AdminHttp;
import org.weightscope.AppProcess;
import org.weightscope.TestElasticsearch;
import org.weightscope.TestPostgres;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.HubReplay;

/**
 * Two app instances, each a JVM of its own, on one real PostgreSQL (Debian's, started here as the unprivileged
 * user) as their clustered Quartz store, sharing the test Elasticsearch and one WireMock replay of the hubs'
 * recordings. Nothing in the test coordinates them but the database: every fire runs exactly once across
 * both, and when the instance running a crawl is killed (SIGKILL) the other recovers the job and the crawl
 * resumes from its cursor, storing each page once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusteredSchedulingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "cluster test password";
    static final HubReplay REPLAY = new HubReplay();
    static final int FIRES = 5;
    static final int PAUSED_PAGE = 3;

    static TestPostgres pg;
    static WireMockServer hubs;
    static Path dir;
    static String prefix;
    static final Map<String, AppProcess> instances = new LinkedHashMap<>();
    static SchedulerFactoryBean client;

    @BeforeAll
    static void startCluster() throws Exception {
        pg = TestPostgres.start();
        hubs = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hubs.start();
        // page 3 of the full listing hangs the first time it is asked (the instance is killed meanwhile)
        REPLAY.stub(
                hubs,
                p -> p == PAUSED_PAGE
                        ? new HubReplay.Fault(
                                HubReplay.json(REPLAY.fullPageBody(p), null).withFixedDelay(120_000), true)
                        : null);
        hubs.stubFor(get(urlEqualTo("/search?o=newest"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(Files.readString(
                                Path.of("crawlers/fixtures/ollama/ollama.com-search_o-newest_2025-03-21.html")))));
        dir = TestElasticsearch.newDataDir("weightscope-cluster");
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.copy(Path.of("crawlers/huggingface.yaml"), sources.resolve("huggingface.yaml"));
        Files.copy(Path.of("crawlers/ollama.yaml"), sources.resolve("ollama.yaml"));
        prefix = "cluster-" + Long.toString(System.nanoTime(), 36);
        String es = TestElasticsearch.uri().toString();
        // one after the other: the first creates the schema (Flyway), the second finds it
        for (String id : List.of("a", "b")) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("spring.datasource.url", pg.jdbcUrl());
            p.put("spring.datasource.username", pg.user());
            p.put("spring.datasource.password", "");
            // the test class path's application.properties switches scheduling off and Quartz to memory
            p.put("weightscope.scheduling.enabled", "true");
            p.put("spring.quartz.job-store-type", "jdbc");
            p.put("weightscope.scheduling.instance-id", id);
            p.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
            // an idle instance looks for due triggers every second, not every 30 s: both compete for each fire
            p.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
            p.put(
                    "weightscope.data-dir",
                    Files.createDirectories(dir.resolve(id)).toString());
            p.put("weightscope.elasticsearch.uris", es);
            p.put("weightscope.elasticsearch.username", TestElasticsearch.username());
            p.put("weightscope.elasticsearch.password", TestElasticsearch.password());
            p.put("weightscope.elasticsearch.index-prefix", prefix);
            p.put("weightscope.sources.dir", sources.toString());
            p.put("weightscope.recordings.import-on-empty", "false");
            p.put("weightscope.admin.password", PASSWORD);
            HubReplay.overrides(hubs.baseUrl())
                    .forEach((field, value) -> p.put("weightscope.sources.override.huggingface." + field, value));
            // longer than the hung page: the killed instance must still be waiting for it
            p.put("weightscope.sources.override.huggingface.timeout", "180s");
            p.put("weightscope.sources.override.ollama.base-url", hubs.baseUrl());
            p.put("weightscope.sources.override.ollama.rate-limit", "1000");
            instances.put(id, AppProcess.start("instance-" + id, p, dir, Duration.ofMinutes(4)));
        }
        client = client();
    }

    /**
     * A Quartz client of the same clustered store, never started (so it fires nothing and does not take part
     * in the cluster): it only writes triggers into the database, as any instance's "run now" does.
     */
    static SchedulerFactoryBean client() throws Exception {
        SchedulerFactoryBean f = new SchedulerFactoryBean();
        f.setDataSource(new DriverManagerDataSource(pg.jdbcUrl(), pg.user(), ""));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "weightscope");
        p.setProperty("org.quartz.scheduler.instanceId", "test-client");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        f.setQuartzProperties(p);
        f.setAutoStartup(false);
        f.afterPropertiesSet();
        return f;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (client != null) {
            client.destroy();
        }
        instances.values().forEach(AppProcess::close);
        if (hubs != null) {
            hubs.stop();
        }
        if (pg != null) {
            pg.close();
        }
        if (dir != null) {
            TestElasticsearch.deleteQuietly(dir);
        }
    }

    @Test
    @Order(1)
    void everyScheduledFireRunsExactlyOnceAcrossBothInstances() throws Exception {
        Scheduler scheduler = client.getScheduler();
        scheduler.scheduleJob(TriggerBuilder.newTrigger()
                .withIdentity("n-fires", "test")
                .forJob(JobKey.jobKey("ollama", CrawlScheduler.GROUP))
                .usingJobData(CrawlJob.SCOPE, "newest")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        // longer than a run, so each fire finds both instances idle and either may take it
                        .withIntervalInMilliseconds(3000)
                        .withRepeatCount(FIRES - 1)
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build());

        await("the " + FIRES + " fires ran")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runs("ollama").stream()
                                .filter(r -> r.path("status").asText().equals(CrawlRun.FINISHED))
                                .count()
                        == FIRES);
        // and no fire more, none twice: the trigger is spent and the count stays
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> runs("ollama").size() == FIRES);
        assertThat(scheduler.checkExists(org.quartz.TriggerKey.triggerKey("n-fires", "test")))
                .isFalse();
        assertThat(runs("ollama"))
                .allSatisfy(r -> assertThat(r.path("trigger").asText()).isEqualTo(CrawlRun.SCHEDULED));
        Map<String, Long> byInstance = new LinkedHashMap<>();
        for (AppProcess app : instances.values()) {
            byInstance.put(
                    app.name(),
                    Files.readAllLines(app.log()).stream()
                            .filter(l -> l.contains("Crawl run ollama:newest:") && l.contains(" finished: "))
                            .count());
        }
        System.out.println("fires run by instance: " + byInstance);
        assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum())
                .as("runs logged by the instances, %s", byInstance)
                .isEqualTo(FIRES);
    }

    @Test
    @Order(2)
    void aCrawlWhoseInstanceDiesIsRecoveredByTheOtherAndResumesFromItsCursor() throws Exception {
        AppProcess a = instances.get("a");
        HttpResponse<String> started = HttpClient.newHttpClient()
                .send(
                        AdminHttp.request(
                                        a.port(), "/api/admin/sources/huggingface/run?scope=full", "admin:" + PASSWORD)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);

        // whichever instance took the fire: it has stored pages 1 and 2 and waits for page 3
        String[] running = {null};
        await("the crawl waits on page " + PAUSED_PAGE)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    running[0] = executing("huggingface");
                    List<JsonNode> runs = runs("huggingface");
                    return running[0] != null
                            && hubs.findAll(page(PAUSED_PAGE)).size() == 1
                            && runs.size() == 1
                            && runs.get(0).path("pages").asInt() == PAUSED_PAGE - 1;
                });
        AppProcess victim = instances.get(running[0]);
        AppProcess survivor =
                instances.values().stream().filter(i -> i != victim).findFirst().orElseThrow();
        victim.kill();

        await("the other instance recovered and finished the crawl")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runs("huggingface").stream()
                        .anyMatch(r -> r.path("status").asText().equals(CrawlRun.FINISHED)));
        List<JsonNode> runs = runs("huggingface");
        assertThat(runs).as("one run, resumed, not a second one").hasSize(1);
        JsonNode run = runs.get(0);
        int pages = (REPLAY.catalogue.size() + HubReplay.PAGE - 1) / HubReplay.PAGE;
        assertThat(run.path("attempts").asInt()).isEqualTo(2);
        assertThat(run.path("pages").asInt()).isEqualTo(pages);
        assertThat(run.path("items").asInt()).isEqualTo(REPLAY.catalogue.size());
        assertThat(run.path("trigger").asText()).isEqualTo(CrawlRun.MANUAL);
        // each page fetched once, but the one the dead instance never got an answer for
        for (int p = 1; p <= pages; p++) {
            assertThat(hubs.findAll(page(p))).as("requests of page %d", p).hasSize(p == PAUSED_PAGE ? 2 : 1);
        }
        // nothing stored twice: one snapshot and one latest state per model
        assertThat(count("snapshots*", "hub:huggingface")).isEqualTo(REPLAY.catalogue.size());
        assertThat(count("models", "hub:huggingface")).isEqualTo(REPLAY.catalogue.size());
        assertThat(Files.readString(survivor.log())).contains("Recovering huggingface full");
        assertThat(survivor.alive()).isTrue();
    }

    static RequestPatternBuilder page(int p) {
        RequestPatternBuilder r = getRequestedFor(urlPathEqualTo("/api/models"));
        return p == 1
                ? r.withQueryParam("cursor", absent())
                        .withQueryParam("author", absent())
                        .withQueryParam("sort", absent())
                : r.withQueryParam("cursor", equalTo("all" + p));
    }

    /** The instance id executing a job of the source right now (Quartz's fired-trigger rows), or null. */
    static String executing(String source) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
                var s = c.prepareStatement(
                        "select instance_name from qrtz_fired_triggers where job_name = ? and state = 'EXECUTING'")) {
            s.setString(1, source);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The crawl-run records of a source, as stored. */
    static List<JsonNode> runs(String source) throws Exception {
        JsonNode hits = es("/" + prefix + "-crawl-runs/_search?size=100&q=sourceId:" + source)
                .path("hits")
                .path("hits");
        List<JsonNode> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.path("_source")));
        return out;
    }

    static long count(String index, String query) throws Exception {
        return es("/" + prefix + "-" + index + "/_count?q=" + query)
                .path("count")
                .asLong();
    }

    static JsonNode es(String path) throws Exception {
        String base = TestElasticsearch.uri().toString().replaceAll("/$", "");
        try (HttpClient http = HttpClient.newHttpClient()) {
            String index = path.substring(1, path.indexOf('/', 1));
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/" + index + "/_refresh"))
                            .header("Authorization", basic())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", basic())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }
    }

    private static String basic() {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((TestElasticsearch.username() + ":" + TestElasticsearch.password())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
