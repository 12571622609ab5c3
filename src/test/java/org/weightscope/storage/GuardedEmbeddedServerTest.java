package org.weightscope.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.TestElasticsearch;
import org.weightscope.WeightscopeApplication;
import org.weightscope.catalogue.CatalogueService;

/**
 * The app with its own embedded server, as {@code ./weightscope run} starts it: the server asks for credentials,
 * a second app process on the same data folder exits non-zero naming this one (which keeps serving), and a
 * server that dies is reported DOWN by the {@code embeddedElasticsearch} health indicator, restarted, and UP again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "vaadin.productionMode=true",
            "weightscope.elasticsearch.embedded.heap=256m"
        })
class GuardedEmbeddedServerTest {

    static final Path ES_DATA = TestElasticsearch.newDataDir("weightscope-guarded-es");
    static final Path APP_DATA = TestElasticsearch.newDataDir("weightscope-guarded-app");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("weightscope.elasticsearch.embedded.data-dir", ES_DATA::toString);
        registry.add("weightscope.data-dir", APP_DATA::toString);
    }

    @Autowired
    ElasticsearchEndpoint endpoint;

    @Autowired
    @Qualifier("embeddedElasticsearch")
    HealthIndicator health;

    @Autowired
    CatalogueService catalogue;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void cleanUp() {
        // the context (and so the server) is closed by the test framework at JVM exit; the folders go then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TestElasticsearch.deleteQuietly(ES_DATA);
            TestElasticsearch.deleteQuietly(APP_DATA);
        }));
    }

    EmbeddedElasticsearch server() {
        return endpoint.embedded().orElseThrow();
    }

    @Test
    void theServersPortWithoutCredentialsIs401AndTheAppsClientIsLetIn() throws Exception {
        URI uri = server().uri();
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(uri.resolve("/_cluster/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("missing authentication credentials");
        assertThat(catalogue.modelCount()).isZero();
        assertThat(api("/api/v1/models?size=1").statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondAppOnTheSameDataFolderExitsNonZeroNamingThisOneWhichKeepsServing() throws Exception {
        long serverPid = server().serverPid().orElseThrow();
        Path output = Files.createTempFile("weightscope-second-instance", ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                WeightscopeApplication.class.getName(),
                "--server.port=0",
                "--weightscope.elasticsearch.embedded.data-dir=" + ES_DATA,
                "--weightscope.data-dir=" + APP_DATA,
                "--weightscope.recordings.import-on-empty=false",
                "--vaadin.productionMode=true"));
        Process second = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(second.waitFor(5, TimeUnit.MINUTES))
                .as("the second app ends")
                .isTrue();
        String log = Files.readString(output);
        assertThat(second.exitValue()).as(log).isNotZero();
        log.lines()
                .filter(l -> l.contains("is in use by"))
                .findFirst()
                .ifPresent(l -> System.out.printf("Second instance (exit %d): %s%n", second.exitValue(), l.strip()));
        assertThat(log)
                .contains("is in use by another Weightscope instance (pid "
                        + ProcessHandle.current().pid())
                .contains("Elasticsearch on 127.0.0.1:" + server().uri().getPort());
        // the first one's server was left alone and the app still answers
        assertThat(server().serverPid()).contains(serverPid);
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(api("/api/v1/models?size=1").statusCode()).isEqualTo(200);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        Files.deleteIfExists(output);
    }

    @Test
    void aKilledServerIsReportedDownRestartedAndReportedUpAgain() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        long killed = server().serverPid().orElseThrow();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> health.health().getStatus().equals(Status.DOWN));
        // the orchestrator's probe, anonymous: not ready while the server is down
        HttpResponse<String> down = api("/actuator/health/readiness");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> health.health().getStatus().equals(Status.UP));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api("/actuator/health/readiness").statusCode() == 200);
        assertThat(api("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");

        assertThat(server().serverPid()).isPresent().get().isNotEqualTo(killed);
        assertThat(health.health().getDetails()).containsEntry("restarts", 1).containsKey("lastReason");
        assertThat(catalogue.modelCount()).isZero();
        assertThat(api("/api/v1/models?size=1").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> api(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
