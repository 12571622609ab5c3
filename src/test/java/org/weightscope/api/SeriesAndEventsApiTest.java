package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.weightscope.IntegrationTest;

/**
 * The weekly series from the daily snapshots (the recordings imported as dated history) and the events
 * API and Atom feeds, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class SeriesAndEventsApiTest extends IntegrationTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void weeklySeriesFollowsTheDatedRecordings() throws Exception {
        HttpResponse<String> r = get("/api/v1/adoption?by=origin&view=lineage&from=2026-03-01&to=2026-08-31");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        List<String> days = new ArrayList<>();
        body.path("series").forEach(p -> days.add(p.path("day").asText()));
        // one point per ISO week, as of its last day (Sunday), the last one as of the range's end
        assertThat(days)
                .contains("2026-03-01", "2026-06-21", "2026-08-23", "2026-08-31")
                .doesNotContain("2026-08-22");
        assertThat(days).doesNotHaveDuplicates().isSorted();
        assertThat(body.path("citation").asText()).startsWith("Source: Weightscope, as of ");

        // the week of 08-17 and 08-22: each model's newest capture of the two, summed here from the files
        Map<String, Double> newest = new java.util.HashMap<>();
        for (String day : List.of("2026-08-17", "2026-08-22")) {
            JsonNode capture =
                    json.readTree(Path.of("crawlers/fixtures/huggingface/api-trending_models_" + day + ".json")
                            .toFile());
            capture.properties()
                    .forEach(e -> newest.put(
                            e.getKey(),
                            e.getValue().path("repoData").path("downloads").asDouble()));
        }
        double expected =
                newest.values().stream().mapToDouble(Double::doubleValue).sum();
        JsonNode week = body.path("series").get(days.indexOf("2026-08-23"));
        assertThat(week.path("total").asDouble()).isCloseTo(expected, within(0.5));
        assertThat(week.path("coverage").path("models").asInt()).isEqualTo(newest.size());
        // nothing was captured in the 7 days to 08-31: no figures, not zeros
        JsonNode last = body.path("series").get(body.path("series").size() - 1);
        assertThat(last.path("day").asText()).isEqualTo("2026-08-31");
        assertThat(last.path("figures")).isEmpty();
        assertThat(last.path("coverage").path("models").asInt()).isZero();

        HttpResponse<String> csv = get("/api/v1/adoption?by=origin&from=2026-08-01&to=2026-08-31&format=csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("# Source: Weightscope");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("day,origin,downloads-30d,share,models,captured_from,captured_to");
    }

    @Test
    void eventsNewestFirstAndAtomFeeds() throws Exception {
        HttpResponse<String> r = get("/api/v1/events?type=release&size=20");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("total").asLong()).isPositive();
        List<String> at = new ArrayList<>();
        body.path("events").forEach(e -> at.add(e.path("at").asText()));
        assertThat(at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(body.path("events").get(0).path("type").asText()).isEqualTo("release");

        for (String feed : List.of("releases", "licence-changes")) {
            HttpResponse<String> atom = get("/feeds/" + feed + ".atom");
            assertThat(atom.statusCode()).isEqualTo(200);
            assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        }
        assertThat(get("/feeds/releases.atom").body()).contains("<entry>");
    }

    @Test
    void badParametersAre400s() throws Exception {
        for (String path : List.of(
                "/api/v1/events?type=nonsense",
                "/api/v1/events?origin=XYZ",
                "/api/v1/events?size=100000",
                "/api/v1/adoption?from=not-a-day",
                "/api/v1/adoption?from=2026-08-01&to=2026-01-01",
                "/feeds/nonsense.atom")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body())
                    .as(path)
                    .contains("\"error\"")
                    .doesNotContainIgnoringCase("elasticsearch")
                    .doesNotContain("Exception");
        }
    }
}
