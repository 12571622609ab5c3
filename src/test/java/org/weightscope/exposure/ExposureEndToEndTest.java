package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.Browser;
import org.weightscope.IntegrationTest;

/**
 * The exposure report over HTTP and in the browser, against the app loaded with the recorded catalogue:
 * hostile and broken files get a clear error and the app keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExposureEndToEndTest extends IntegrationTest {

    static final Path FILES = Path.of("src/test/resources/exposure");
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    HttpResponse<String> post(byte[] body, String type, String query) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exposure" + query))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void csvInventoryResolvesAgainstTheStoredCatalogue() throws Exception {
        HttpResponse<String> response =
                post(Files.readAllBytes(FILES.resolve("inventory.csv")), "text/csv", "?origin=CN");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        List<String> statuses = new ArrayList<>();
        report.path("components")
                .forEach(c -> statuses.add(
                        c.path("reference").asText() + "=" + c.path("status").asText()));
        // in the recorded catalogue (list captures): Mistral and Qwen2vl-Flux; not in it: the internal model
        assertThat(statuses)
                .contains("mistralai/Mistral-7B-Instruct-v0.2=resolved", "acme-internal/secret-model-7b=unknown");
        JsonNode mistral = find(report, "mistralai/Mistral-7B-Instruct-v0.2");
        assertThat(mistral.path("lineageOrigin").get(0).path("country").asText())
                .isEqualTo("FR");
        assertThat(report.path("ruleVersion").asText()).startsWith("attribution-2/rules-");

        HttpResponse<String> csv = post(Files.readAllBytes(FILES.resolve("inventory.csv")), "text/csv", "?format=csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("# Source: Weightscope exposure report");
    }

    @Test
    void componentsCarryTheirRecordedLicenceChangesAndTrend() throws Exception {
        String csv = "model,weight\nDjrango/Qwen2vl-Flux,1\nzai-org/GLM-5.2,1\n";
        JsonNode report = json.readTree(post(csv.getBytes(), "text/csv", "").body());
        // the recorded licence drop (2024-12-02 license:mit → 2024-12-09 none, RecordingHistoryTest)
        JsonNode flux = find(report, "Djrango/Qwen2vl-Flux");
        assertThat(flux.path("licenceChanges").toString())
                .contains("2024-12-09")
                .contains("mit → none");
        assertThat(flux.path("riskFlags").toString()).contains("changed-terms");
        // GLM-5.2's newest figures are the 2026-08-03 capture (2,050,533); 30+ days before: 2026-06-30 (142,547)
        JsonNode glm = find(report, "zai-org/GLM-5.2");
        assertThat(glm.path("trend").path("downloads30d").asLong()).isEqualTo(2_050_533L);
        assertThat(glm.path("trend").path("downloads30dMonthAgo").asLong()).isEqualTo(142_547L);
    }

    @Test
    void hostileAndBrokenFilesGetAClearErrorAndTheAppKeepsServing() throws Exception {
        HttpResponse<String> xxe = post(Files.readAllBytes(FILES.resolve("xxe.xml")), "application/xml", "");
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(xxe.body()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");

        HttpResponse<String> laughs =
                post(Files.readAllBytes(FILES.resolve("billion-laughs.xml")), "application/xml", "");
        assertThat(laughs.statusCode()).isEqualTo(400);
        assertThat(laughs.body()).containsIgnoringCase("DOCTYPE");

        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> oversize = post(big, "text/csv", "");
        assertThat(oversize.statusCode()).isEqualTo(400);
        assertThat(oversize.body()).contains("the limit is 5.0 MB");

        HttpResponse<String> malformed = post(Files.readAllBytes(FILES.resolve("malformed.csv")), "text/csv", "");
        assertThat(malformed.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(malformed.body());
        assertThat(report.path("problems").size()).isGreaterThan(0);
        assertThat(report.path("components").size()).isGreaterThan(0);

        HttpResponse<String> garbage = post("\u0000\u0001 not an inventory".getBytes(), "application/octet-stream", "");
        assertThat(garbage.statusCode()).isEqualTo(400);

        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
    }

    @Test
    void uploadThroughTheViewShowsTheReport() {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage("en-GB");
            page.navigate("http://localhost:" + port + "/exposure");
            page.waitForSelector("vaadin-upload");
            page.setInputFiles("vaadin-upload input[type=file]", FILES.resolve("inventory.csv"));
            page.waitForSelector("#exposure-summary");
            assertThat(page.textContent("#exposure-summary"))
                    .contains("components")
                    .contains("resolved");
            page.waitForSelector("#exposure-lineage[data-rendered] canvas");
            assertThat(page.content()).contains("acme-internal/secret-model-7b");
            Browser.screenshot(page, "exposure");
        }
    }

    private static JsonNode find(JsonNode report, String reference) {
        for (JsonNode c : report.path("components")) {
            if (c.path("reference").asText().equals(reference)) {
                return c;
            }
        }
        throw new AssertionError("no component " + reference);
    }
}
