package org.weightscope.exposure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;
import org.weightscope.TestElasticsearch;
import org.weightscope.TestRegistry;
import org.weightscope.alerts.Alert;
import org.weightscope.alerts.Watchlist;
import org.weightscope.alerts.WatchlistService;
import org.weightscope.catalogue.Reattribution;
import org.weightscope.ingest.IngestCompleted;
import org.weightscope.ingest.IngestEvents;

/**
 * A saved exposure report over two recorded models (imported at start): after a registry edit moves Mistral AI
 * from FR to DE and a crawl run completes, exactly one alert names the Mistral component with old and new
 * origin, reaches the watchlist's webhook, and the same run completing again alerts nothing more.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.admin.password=saved reports test"})
class SavedReportAlertTest extends IntegrationTest {

    static final String ADMIN = "admin:saved reports test";
    static final String INVENTORY = "model,weight\nmistralai/Mistral-7B-Instruct-v0.2,3\nDjrango/Qwen2vl-Flux,1\n";
    static final Path REGISTRY = TestRegistry.copy();
    static final WireMockServer RECEIVER = receiver();

    static WireMockServer receiver() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        return server;
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("weightscope.attribution.registry-dir", REGISTRY::toString);
        registry.add(
                "weightscope.data-dir",
                () -> TestElasticsearch.newDataDir("weightscope-saved").toString());
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    WatchlistService watchlists;

    @Autowired
    Reattribution reattribution;

    @Autowired
    IngestEvents events;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void anAttributionChangeRaisesOneAlertPerComponentAndNoDuplicateOnTheSameRun() throws Exception {
        Watchlist watchlist = watchlists.create("exposure", List.of(), RECEIVER.baseUrl() + "/hook", "k");

        HttpResponse<String> saved = multipart(
                "/api/admin/exposure-reports?name=Production&origin=cn&watchlist=" + watchlist.id(),
                INVENTORY.getBytes(StandardCharsets.UTF_8),
                ADMIN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode report = json.readTree(saved.body());
        String id = report.path("id").asText();
        assertThat(report.path("origin").asText()).isEqualTo("CN");
        assertThat(new String(
                        Base64.getDecoder().decode(report.path("inventory").asText()), StandardCharsets.UTF_8))
                .isEqualTo(INVENTORY);
        JsonNode mistral = component(report, "mistralai/Mistral-7B-Instruct-v0.2");
        assertThat(mistral.path("status").asText()).isEqualTo("resolved");
        assertThat(mistral.path("lineageOrigin").asText()).isEqualTo("FR");
        assertThat(mistral.path("uploaderOrigin").asText()).isEqualTo("FR");
        assertThat(mistral.path("licenceId").asText()).isNotBlank();
        assertThat(component(report, "Djrango/Qwen2vl-Flux").path("status").asText())
                .isEqualTo("resolved");

        HttpResponse<String> list = send("GET", "/api/admin/exposure-reports", ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).findValuesAsText("id")).contains(id);

        // a run with nothing changed: nothing to alert (the listener runs after the publishing commit)
        events.completed(run("huggingface:test:1"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> watchlists.alerts(watchlist.id(), 100).isEmpty());

        moveMistralTo("DE");
        events.completed(run("huggingface:test:2"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !watchlists.alerts(watchlist.id(), 100).isEmpty());
        List<Alert> alerts = watchlists.alerts(watchlist.id(), 100);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.ruleType()).isEqualTo(SavedReports.ALERT_TYPE);
            assertThat(a.modelId()).isEqualTo("hf:mistralai/Mistral-7B-Instruct-v0.2");
            assertThat(a.title())
                    .contains("mistralai/Mistral-7B-Instruct-v0.2")
                    .contains("Production")
                    .contains("uploader origin FR → DE")
                    .contains("lineage origin FR → DE")
                    .doesNotContain("licence");
            assertThat(a.runId()).isEqualTo("huggingface:test:2");
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Alert.Delivery.DELIVERED.equals(watchlists
                        .alerts(watchlist.id(), 100)
                        .getFirst()
                        .delivery()
                        .status()));
        assertThat(RECEIVER.findAll(postRequestedFor(urlPathEqualTo("/hook")))).hasSize(1);

        // the snapshot now holds the new origin
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DE"
                        .equals(component(
                                        json.readTree(send("GET", "/api/admin/exposure-reports/" + id, ADMIN)
                                                .body()),
                                        "mistralai/Mistral-7B-Instruct-v0.2")
                                .path("lineageOrigin")
                                .asText()));

        // the same run again, and another one: no second alert, no second delivery
        events.completed(run("huggingface:test:2"));
        events.completed(run("huggingface:test:3"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> watchlists.alerts(watchlist.id(), 100).size() == 1
                        && RECEIVER.findAll(postRequestedFor(urlPathEqualTo("/hook")))
                                        .size()
                                == 1);

        assertThat(send("POST", "/api/admin/exposure-reports/" + id + "/delete", ADMIN)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("DELETE", "/api/admin/exposure-reports/" + id, ADMIN).statusCode())
                .isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/admin/exposure-reports", ADMIN)
                                .body())
                        .size())
                .isZero();
    }

    @Test
    void rawBodiesAreAcceptedAndBadInputIsRefused() throws Exception {
        HttpResponse<String> raw = http.send(
                request("/api/admin/exposure-reports?name=Raw", ADMIN)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(INVENTORY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
        String id = json.readTree(raw.body()).path("id").asText();
        assertThat(send("DELETE", "/api/admin/exposure-reports/" + id, ADMIN).statusCode())
                .isEqualTo(204);

        assertThat(multipart("/api/admin/exposure-reports?name=x&watchlist=nope", INVENTORY.getBytes(), ADMIN)
                        .statusCode())
                .isEqualTo(400);
        assertThat(multipart("/api/admin/exposure-reports?name=x&origin=XX", INVENTORY.getBytes(), ADMIN)
                        .statusCode())
                .isEqualTo(400);
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> oversize = http.send(
                request("/api/admin/exposure-reports?name=big", ADMIN)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oversize.statusCode()).isIn(400, 413);
    }

    @Test
    void anonymousCallersAndWrongPasswordsGet401() throws Exception {
        for (String credentials : new String[] {null, "admin:wrong"}) {
            assertThat(send("GET", "/api/admin/exposure-reports", credentials).statusCode())
                    .isEqualTo(401);
            assertThat(multipart("/api/admin/exposure-reports?name=x", INVENTORY.getBytes(), credentials)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send("DELETE", "/api/admin/exposure-reports/x", credentials)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send("POST", "/api/admin/exposure-reports/x/delete", credentials)
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    // --- helpers ---

    static IngestCompleted run(String runId) {
        return new IngestCompleted(
                "huggingface", runId, "tracked", "succeeded", LocalDate.parse("2026-08-22"), 1, 1, 0, Instant.now());
    }

    /** Mistral AI's registry entry moved to another country (constructed test evidence), re-applied without a crawl. */
    void moveMistralTo(String country) throws IOException {
        Path file = REGISTRY.resolve("organizations.yaml");
        String yaml = Files.readString(file);
        String entry = yaml.substring(yaml.indexOf("  - id: mistral-ai"));
        entry = entry.substring(0, entry.indexOf("\n\n"));
        String edited = entry.replace("countries: [FR]", "countries: [" + country + "]")
                .replace(
                        "FR: https://en.wikipedia.org/wiki/Mistral_AI",
                        country + ": https://example.org/constructed-test-evidence");
        assertThat(edited).isNotEqualTo(entry);
        Files.writeString(file, yaml.replace(entry, edited));
        assertThat(reattribution.reapply().changed()).isPositive();
    }

    static JsonNode component(JsonNode report, String reference) {
        for (JsonNode c : report.path("components")) {
            if (c.path("reference").asText().equals(reference)) return c;
        }
        throw new AssertionError("no component " + reference + " in " + report);
    }

    HttpRequest.Builder request(String path, String basic) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (basic != null) {
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    HttpResponse<String> send(String method, String path, String basic) throws Exception {
        return http.send(
                request(path, basic)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> multipart(String path, byte[] file, String basic) throws Exception {
        String boundary = "----weightscope" + System.nanoTime();
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inventory.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return http.send(
                request(path, basic)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
