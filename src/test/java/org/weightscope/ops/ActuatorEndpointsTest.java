package org.weightscope.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.AdminHttp;
import org.weightscope.IntegrationTest;
import org.weightscope.TestElasticsearch;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;

/**
 * The actuator as an orchestrator and a Prometheus server meet it: health and its probes answered to
 * anyone with the status alone, details for the admin only; metrics behind the admin's credentials, with
 * the crawl metrics of a real crawl (Ollama's recorded search page replayed by WireMock).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "vaadin.productionMode=true",
            "weightscope.admin.password=correct horse battery",
            "weightscope.http.login.free-failures=1000"
        })
class ActuatorEndpointsTest extends IntegrationTest {

    static final String ADMIN = "admin:correct horse battery";
    static final Path OLLAMA = Path.of("crawlers/fixtures/ollama/ollama.com-search_o-newest_2025-03-21.html");
    static final WireMockServer hub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        hub.start();
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) throws Exception {
        Path data = TestElasticsearch.newDataDir("weightscope-ops");
        Path sources = Files.createTempDirectory("weightscope-sources");
        Files.copy(Path.of("crawlers/ollama.yaml"), sources.resolve("ollama.yaml"));
        registry.add("weightscope.data-dir", data::toString);
        registry.add("weightscope.sources.dir", sources::toString);
        registry.add("weightscope.sources.override.ollama.base-url", hub::baseUrl);
        registry.add("weightscope.sources.override.ollama.rate-limit", () -> "1000");
    }

    @AfterAll
    static void stop() {
        hub.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CrawlService crawls;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> fetch(String path, String basic) throws Exception {
        return http.send(AdminHttp.request(port, path, basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndItsProbesAnswerAnyoneWithTheStatusOnly() throws Exception {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> r = fetch(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(r.body())).as(path).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
            assertThat(r.headers().firstValue("Set-Cookie"))
                    .as(path + " creates no session")
                    .isEmpty();
        }
        // the root too: the status, to the letter (no component, no group names: StatusOnlyHealth)
        HttpResponse<String> r = fetch("/actuator/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theAdminSeesEachComponentOfReadiness() throws Exception {
        HttpResponse<String> r = fetch("/actuator/health/readiness", ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(r.body()).path("components");
        assertThat(components.path("readinessState").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("elasticsearch").path("status").asText()).isEqualTo("UP");
        assertThat(components
                        .path("elasticsearch")
                        .path("details")
                        .path("nodes")
                        .asInt())
                .isPositive();
        assertThat(components.path("scheduler").path("status").asText()).isEqualTo("UP");
        // the tests switch scheduled crawling off (src/test/resources): "off" on purpose is UP
        assertThat(components.path("scheduler").path("details").path("state").asText())
                .startsWith("off");

        // the admin's root lists the components and the groups
        JsonNode root = JSON.readTree(fetch("/actuator/health", ADMIN).body());
        assertThat(root.path("components").has("elasticsearch")).isTrue();
        assertThat(root.path("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");

        HttpResponse<String> wrong = fetch("/actuator/health/readiness", "admin:wrong");
        assertThat(wrong.statusCode())
                .as("a wrong password is refused, not downgraded")
                .isEqualTo(401);
    }

    @Test
    void prometheusNeedsTheAdminAndCarriesTheCrawlMetrics() throws Exception {
        HttpResponse<String> anonymous = fetch("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Location"))
                .as("never the login page")
                .isEmpty();
        assertThat(fetch("/actuator/metrics", null).statusCode()).isEqualTo(401);

        hub.stubFor(get(urlEqualTo("/search?o=newest"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(Files.readString(OLLAMA))));
        CrawlRun run = crawls.run("ollama", "newest");
        assertThat(run.status()).isEqualTo(CrawlRun.FINISHED);
        fetch("/api/v1/models?size=1", null); // one API request, so http.server.requests has a sample

        HttpResponse<String> r = fetch("/actuator/prometheus", ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("weightscope_crawl_runs_total{application=\"weightscope\",scope=\"newest\","
                        + "source=\"ollama\",status=\"finished\"} 1.0")
                .contains("weightscope_crawl_pages_total{application=\"weightscope\",source=\"ollama\"} 1.0")
                .contains("weightscope_crawl_items_total{application=\"weightscope\",source=\"ollama\"} 162.0")
                .contains("weightscope_crawl_failures_total{application=\"weightscope\",source=\"ollama\"} 0.0")
                .contains("weightscope_crawl_duration_seconds_count{application=\"weightscope\",source=\"ollama\","
                        + "status=\"finished\"} 1")
                .contains("weightscope_cube_lag_seconds{application=\"weightscope\"}")
                .contains("http_server_requests_seconds_count{");
    }
}
