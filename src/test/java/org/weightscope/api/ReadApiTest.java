package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * The read API over real HTTP against the app with the bundled recordings imported (~890 Hugging Face
 * models): numbers equal the services', citations lead every answer and CSV, bad parameters are 400s in
 * our words, the OpenAPI document and page are served, and Vaadin does not swallow any of it.
 */
// production mode as in the full build; with -Dquick there is no frontend bundle, and dev mode would look for
// vaadin-dev-server (excluded) and fail the server start. The API needs no Vaadin views.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class ReadApiTest extends IntegrationTest {

    static final String LLAMA = "meta-llama/Llama-3.3-70B-Instruct";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @LocalServerPort
    int port;

    @Autowired
    AdoptionService adoption;

    @Autowired
    ModelSearch search;

    @Test
    void adoptionByOriginInBothViewsEqualsTheService() throws Exception {
        for (Adoption.View view : Adoption.View.values()) {
            Adoption expected = adoption.asOf(
                    new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, view, Map.of(), 1000));
            HttpResponse<String> r = get("/api/v1/adoption?metric=downloads-30d&by=origin&top=1000&view=" + view.id());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("as_of").asText()).isEqualTo(expected.at().toString());
            assertThat(body.get("coverage").get("models").asLong())
                    .isEqualTo(expected.coverage().models())
                    .isPositive();
            assertThat(body.get("metric").asText()).isEqualTo("downloads-30d");
            assertThat(body.get("metric_version").asText()).isEqualTo(expected.metricVersion());
            assertThat(body.get("view").asText()).isEqualTo(view.id());
            assertThat(body.get("rule_version").asText()).isEqualTo(expected.ruleVersion());
            assertThat(body.get("citation").asText())
                    .isEqualTo("Source: Weightscope, as of " + expected.at()
                            + " (" + expected.coverage().describe() + "), metric downloads-30d v"
                            + expected.metricVersion() + ", view " + view.id() + ", attribution "
                            + expected.ruleVersion());
            assertThat(body.get("total").asDouble()).isCloseTo(expected.total(), within(1e-6));
            Map<String, Double> api = new LinkedHashMap<>();
            body.get("figures")
                    .forEach(f -> api.put(f.get("key").asText(), f.get("value").asDouble()));
            Map<String, Double> service = new LinkedHashMap<>();
            expected.figures().forEach(f -> service.put(f.key(), f.value()));
            assertThat(api.keySet()).containsExactlyElementsOf(service.keySet());
            service.forEach((k, v) -> assertThat(api.get(k)).as(view + " " + k).isCloseTo(v, within(1e-6)));
            // the newest recorded week's US uploads are repackagings of Chinese models (unsloth's Qwen and
            // DeepSeek GGUFs, traced by name since attribution-2): US in the uploader view, CN in the lineage view
            assertThat(api)
                    .containsKeys(view == Adoption.View.UPLOADER ? new String[] {"US", "CN"} : new String[] {"CN"});
        }
        // anonymous cross-origin reads (a notebook or another site in a browser)
        HttpResponse<String> cors = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/adoption"))
                        .header("Origin", "https://example.org")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cors.headers().firstValue("access-control-allow-origin")).contains("*");
    }

    @Test
    void filtersAndOtherDimensionsAnswerLikeTheService() throws Exception {
        Adoption expected = adoption.asOf(new Adoption.Query(
                Adoption.Metric.MODELS,
                Adoption.Dimension.LICENCE_CLASS,
                Adoption.View.UPLOADER,
                Map.of(Adoption.Dimension.ORIGIN, List.of("CN", "US")),
                10));
        JsonNode body =
                json("/api/v1/adoption?metric=models&by=licence-class&view=uploader&top=10&filter.origin=cn,US");
        assertThat(body.get("filters").get("origin")).hasSize(2);
        assertThat(body.get("total").asDouble()).isCloseTo(expected.total(), within(1e-6));
        assertThat(body.get("figures")).hasSize(expected.figures().size());
        assertThat(body.get("citation").asText()).contains("metric models v2, view uploader");
    }

    @Test
    void csvStartsWithTheCitationThenAHeader() throws Exception {
        JsonNode json = json("/api/v1/adoption?by=origin&view=uploader");
        for (HttpResponse<String> r : List.of(
                get("/api/v1/adoption?by=origin&view=uploader&format=csv"),
                get("/api/v1/adoption?by=origin&view=uploader", "text/csv"))) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
            String[] lines = r.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("# " + json.get("citation").asText());
            assertThat(lines[1]).isEqualTo("origin,downloads-30d,share");
            assertThat(lines).hasSize(2 + json.get("figures").size());
        }
        HttpResponse<String> models = get("/api/v1/models?size=5&format=csv");
        String[] lines = models.body().split("\r\n");
        assertThat(lines[0]).startsWith("# Source: Weightscope, as of ").contains("view lineage, attribution ");
        assertThat(lines[1]).startsWith("id,hub,organisation,origin_uploader,origin_lineage,");
        assertThat(lines).hasSize(7);
        HttpResponse<String> model = get("/api/v1/models/hf/" + LLAMA, "text/csv");
        assertThat(model.body().split("\r\n")[2]).startsWith("model," + LLAMA + ",huggingface,");
    }

    @Test
    void modelResourceCarriesItsAttribution() throws Exception {
        CatalogueModel stored = search.find("huggingface", LLAMA).orElseThrow();
        JsonNode body = json("/api/v1/models/huggingface/" + LLAMA);
        System.out.println("Model resource: " + body.toPrettyString());
        JsonNode m = body.get("model");
        assertThat(m.get("id").asText()).isEqualTo(LLAMA);
        assertThat(m.get("hub").asText()).isEqualTo("huggingface");
        assertThat(m.get("namespace").asText()).isEqualTo("meta-llama");
        assertThat(m.get("organisation").asText())
                .isEqualTo(stored.attribution().uploaderOrg())
                .isNotBlank();
        assertThat(texts(m.get("origin").get("uploader"))).containsExactly("US");
        assertThat(texts(m.get("origin").get("lineage"))).containsExactly("US");
        assertThat(m.get("lineage").get("parents").get(0).get("id").asText()).isEqualTo("meta-llama/Llama-3.1-70B");
        assertThat(m.get("lineage").get("parents").get(0).get("relation").asText())
                .isEqualTo("finetune");
        assertThat(texts(m.get("lineage").get("roots")))
                .isEqualTo(stored.attribution().lineage().roots());
        assertThat(m.get("licence").get("id").asText()).isEqualTo("llama3.3");
        assertThat(m.get("licence").get("class").asText())
                .isEqualTo(stored.attribution().licence().clazz())
                .isIn(Params.LICENCE_CLASSES);
        assertThat(m.get("hardware").get("class").asText())
                .isEqualTo(stored.attribution().hardware().clazz())
                .isIn(Params.HARDWARE_CLASSES);
        assertThat(m.get("hardware").has("weightsBytes")).isTrue();
        assertThat(m.get("hardware").get("estimated").isBoolean()).isTrue();
        assertThat(texts(m.get("sectors")))
                .isEqualTo(stored.attribution().sectors())
                .isNotEmpty();
        assertThat(m.get("downloads30d").asLong())
                .isEqualTo(stored.figures().downloads30d())
                .isPositive();
        assertThat(m.has("downloadsAllTime")).isTrue();
        assertThat(m.get("as_of").asText()).isEqualTo(stored.asOf().toString());
        assertThat(body.get("as_of").asText()).isEqualTo(stored.asOf().toString());
        assertThat(body.get("view").asText()).isEqualTo("uploader+lineage");
        assertThat(body.get("rule_version").asText())
                .isEqualTo(adoption.asOf(Adoption.Query.of(
                                Adoption.Metric.MODELS, Adoption.Dimension.HUB, Adoption.View.LINEAGE))
                        .ruleVersion());
        assertThat(body.get("citation").asText())
                .isEqualTo("Source: Weightscope, as of " + stored.asOf() + ", view uploader+lineage, attribution "
                        + body.get("rule_version").asText());
        assertThat(body.toString()).doesNotContain("cardText", "\"source\":\"recording");
        // derivatives: count and the most downloaded ones
        ModelSearch.Result derivatives = search.derivatives(LLAMA, 10);
        assertThat(body.get("derivatives").get("count").asLong()).isEqualTo(derivatives.total());
        assertThat(body.get("derivatives").get("top"))
                .hasSize(derivatives.models().size());
        HttpResponse<String> encoded = get("/api/v1/models/hf/meta-llama%2FLlama-3.3-70B-Instruct");
        assertThat(encoded.statusCode())
                .as("Tomcat refuses %2F before Spring; the OpenAPI text says so")
                .isEqualTo(400);
        // the short hub id reaches the same model
        assertThat(json("/api/v1/models/hf/" + LLAMA).get("model").get("id").asText())
                .isEqualTo(LLAMA);
    }

    @Test
    void derivativesOfABaseModelAreListed() throws Exception {
        // the most derived-from model of the recordings, found through the API's own facet-free search
        ModelSearch.Result top = search.search(new ModelSearch.Query(null, Map.of(), null, 0, 50));
        CatalogueModel base = top.models().stream()
                .filter(m -> search.derivatives(m.repoId(), 1).total() > 0)
                .findFirst()
                .orElseThrow();
        long count = search.derivatives(base.repoId(), 1).total();
        JsonNode body = json("/api/v1/models/huggingface/" + base.repoId() + "?derivatives=3");
        assertThat(body.get("derivatives").get("count").asLong()).isEqualTo(count);
        assertThat(body.get("derivatives").get("top").size()).isEqualTo((int) Math.min(3, count));
        for (JsonNode d : body.get("derivatives").get("top")) {
            assertThat(texts(d.get("lineage").get("parents").findValues("id").stream()
                            .collect(JSON::createArrayNode, (a, n) -> a.add(n), (a, b) -> a.addAll(b))))
                    .contains(base.repoId());
        }
    }

    @Test
    void searchReturnsResultsAndFacets() throws Exception {
        JsonNode body = json("/api/v1/models?q=qwen&size=5&filter.origin=CN&view=lineage");
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("results")).hasSizeBetween(1, 5);
        body.get("results")
                .forEach(m -> assertThat(texts(m.get("origin").get("lineage"))).contains("CN"));
        assertThat(body.get("facets").fieldNames())
                .toIterable()
                .contains("origin", "organisation", "sector", "hardware-class", "licence-class", "hub");
        assertThat(body.get("citation").asText()).startsWith("Source: Weightscope, as of ");
        assertThat(body.get("rule_version").asText()).startsWith("attribution-");
        assertThat(body.has("metric")).isTrue();
        JsonNode none = json("/api/v1/models?q=zzzzqqqqnotamodel");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("as_of").isNull()).isTrue();
        assertThat(none.get("citation").asText()).startsWith("Source: Weightscope, as of unknown (no models matched)");
        JsonNode all = json("/api/v1/models?size=0");
        assertThat(all.get("total").asLong()).isGreaterThan(800);
        assertThat(all.get("results")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/adoption?metric=stars | metric | unknown metric",
                "/api/v1/adoption?by=colour | by | unknown dimension",
                "/api/v1/adoption?view=investor | view | unknown origin view",
                "/api/v1/adoption?filter.colour=red | filter.colour | unknown filter dimension",
                "/api/v1/adoption?filter.origin=China | filter.origin | not an origin",
                "/api/v1/adoption?filter.hardware-class=toaster | filter.hardware-class | unknown value",
                "/api/v1/adoption?filter.licence-class=free | filter.licence-class | unknown value",
                "/api/v1/adoption?filter.origin= | filter.origin | at least one value",
                "/api/v1/adoption?top=0 | top | between 1 and 1000",
                "/api/v1/adoption?top=1001 | top | between 1 and 1000",
                "/api/v1/adoption?top=ten | top | must be a whole number",
                "/api/v1/adoption?from=2025-13-01 | from | must be a day as yyyy-mm-dd",
                "/api/v1/adoption?from=2026-02-01&to=2026-01-01 | from | must not be after to",
                "/api/v1/adoption?format=xml | format | unknown format",
                "/api/v1/adoption?query={\"match_all\":{}} | query | unknown parameter",
                "/api/v1/models?size=201 | size | between 0 and 200",
                "/api/v1/models?from=-1 | from | between 0 and 10000",
                "/api/v1/models?from=9900&size=200 | from | at most 10000",
                "/api/v1/models?view=x | view | unknown origin view",
                "/api/v1/models?filter.hub=github | filter.hub | unknown hub",
                "/api/v1/models/github/a/b | hub | unknown hub",
                "/api/v1/models/hf/" + LLAMA + "?derivatives=51 | derivatives | between 0 and 50"
            })
    void badParametersAreClear400s(String path, String parameter, String message) throws Exception {
        HttpResponse<String> r = get(encodeQuery(path));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).contains(message);
        assertThat(r.body().toLowerCase(Locale.ROOT)).doesNotContain("elasticsearch", "exception", "trace", "at org.");
    }

    @Test
    void aBadParameterOnACsvRequestIsStillAJson400() throws Exception {
        HttpResponse<String> r = get("/api/v1/adoption?metric=stars", "text/csv");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo("metric");
    }

    @Test
    void unknownModelsAndPathsAre404sNotVaadinPages() throws Exception {
        HttpResponse<String> r = get("/api/v1/models/huggingface/nobody/no-such-model-xyz");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("nobody/no-such-model-xyz");
        HttpResponse<String> unknownPath = get("/api/v1/nothing-here");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).doesNotContain("<html", "vaadin");
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/adoption"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void openApiDocumentListsThePathsAndThePageRenders() throws Exception {
        HttpResponse<String> r = get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), r.body()); // for review
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Weightscope read API");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        System.out.println("OpenAPI paths: " + paths);
        assertThat(paths)
                .contains("/api/v1/adoption", "/api/v1/models")
                .anyMatch(p -> p.startsWith("/api/v1/models/{hub}/"));
        assertThat(r.body()).contains("filter.origin", "as_of", "rule_version");
        // the answers every operation shares are declared once (ApiDocumentation) and reach each of them
        for (String path : paths.stream().filter(p -> p.startsWith("/api/v1/")).toList()) {
            doc.get("paths")
                    .get(path)
                    .forEach(operation -> assertThat(operation
                                    .get("responses")
                                    .get("400")
                                    .get("content")
                                    .get("application/json")
                                    .get("schema")
                                    .get("$ref")
                                    .asText())
                            .as(path)
                            .endsWith("/ApiError"));
        }
        JsonNode adoptionOk = doc.get("paths")
                .get("/api/v1/adoption")
                .get("get")
                .get("responses")
                .get("200");
        assertThat(adoptionOk.get("content").has("text/csv")).isTrue();
        assertThat(adoptionOk
                        .get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asText())
                .endsWith("/AdoptionAnswer");
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    // --- helpers ---

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Percent-encodes the query's values (braces, quotes) as a client library would. */
    static String encodeQuery(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        for (String kv : path.substring(q + 1).split("&")) {
            int eq = kv.indexOf('=');
            parts.add(
                    eq < 0
                            ? kv
                            : kv.substring(0, eq + 1)
                                    + URLEncoder.encode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return path.substring(0, q + 1) + String.join("&", parts);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
