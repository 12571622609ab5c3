package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Serves the recorded Hub responses the way the Hub does, for the real HTTP crawler: list pages split from
 * the recordings with {@code Link: <…>; rel="next"} headers, author listings, and {@code /api/models/{id}}.
 *
 * <p>The replayed catalogue is the 700 items of {@code api-models_trending_concat700_2024-12-11.json} (a
 * multi-page list) plus the one model of the 2024-12-09 list missing there (OuteAI/OuteTTS-0.2-500M): 701
 * models. The full-scope listing serves the 50 models of {@code api-models-id-full_50models_2024-12-09.json}
 * with those full bodies inline (as a listing with {@code expand[]} does); tracked listings serve the plain
 * list items and the full bodies come from {@code /api/models/{id}}.
 */
public final class HubReplay {

    static final Path FIXTURES = Path.of("crawlers/fixtures/huggingface");
    public static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Hub's next links repeat the request's expand[] fields, as the source definition asks them. */
    static final String EXPAND = expand();

    private static String expand() {
        try {
            JsonNode yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(Path.of("crawlers/huggingface.yaml").toFile());
            StringBuilder out = new StringBuilder();
            yaml.path("huggingface")
                    .path("expand")
                    .forEach(f -> out.append("&expand%5B%5D=").append(f.asText()));
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final List<JsonNode> listItems = new ArrayList<>();
    final Map<String, JsonNode> fullBodies = new LinkedHashMap<>();
    public final List<JsonNode> catalogue = new ArrayList<>();

    public HubReplay() {
        try {
            JSON.readTree(FIXTURES.resolve("api-models-id-full_50models_2024-12-09.json")
                            .toFile())
                    .forEach(b -> fullBodies.put(b.get("id").asText(), b));
            JSON.readTree(FIXTURES.resolve("api-models_trending_concat700_2024-12-11.json")
                            .toFile())
                    .forEach(listItems::add);
            List<String> ids = listItems.stream().map(i -> i.get("id").asText()).toList();
            JSON.readTree(FIXTURES.resolve("api-models_limit50_trending_2024-12-09.json")
                            .toFile())
                    .forEach(i -> {
                        if (!ids.contains(i.get("id").asText())) listItems.add(i);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode item : listItems) {
            catalogue.add(fullBodies.getOrDefault(item.get("id").asText(), item));
        }
    }

    /** Serves {@code body} for its model from now on (in the full listing and at /api/models/{id}); returns the old one. */
    JsonNode replace(JsonNode body) {
        String id = body.get("id").asText();
        JsonNode old = fullBodies.put(id, body);
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).get("id").asText().equals(id)) catalogue.set(i, body);
        }
        return old;
    }

    /** A response replacing a full-scope page's; {@code once}: only the first time it is asked. */
    public record Fault(ResponseDefinitionBuilder response, boolean once) {}

    /** Stubs everything on {@code server}; {@code fault} may replace the response of a full-scope page (1-based). */
    public void stub(WireMockServer server, Function<Integer, Fault> fault) {
        String base = server.baseUrl();
        // any listing not stubbed below (namespaces without recorded models): empty
        server.stubFor(get(urlPathEqualTo("/api/models")).atPriority(10).willReturn(json("[]", null)));
        // full scope: every model, 100 a page, paged by Link
        stubPages(server, catalogue, "all", base, fault, null);
        // tracked: top by downloads (plain list items)
        List<JsonNode> byDownloads = new ArrayList<>(listItems);
        byDownloads.sort(
                Comparator.comparingLong((JsonNode i) -> i.path("downloads").asLong())
                        .reversed()
                        .thenComparing(i -> i.get("id").asText()));
        stubPages(server, byDownloads, "top", base, p -> null, null);
        // tracked: one listing per author
        Map<String, ArrayNode> byAuthor = new LinkedHashMap<>();
        for (JsonNode item : listItems) {
            String id = item.get("id").asText();
            byAuthor.computeIfAbsent(id.substring(0, id.indexOf('/')), a -> JSON.createArrayNode())
                    .add(item);
        }
        byAuthor.forEach((author, items) -> server.stubFor(get(urlPathEqualTo("/api/models"))
                .withQueryParam("author", equalTo(author))
                .atPriority(2)
                .willReturn(json(items.toString(), null))));
        // details
        fullBodies.forEach((id, body) ->
                server.stubFor(get(urlPathEqualTo("/api/models/" + id)).willReturn(json(body.toString(), null))));
    }

    private static void stubPages(
            WireMockServer server,
            List<JsonNode> items,
            String name,
            String base,
            Function<Integer, Fault> fault,
            Object unused) {
        int pages = (items.size() + PAGE - 1) / PAGE;
        for (int p = 1; p <= pages; p++) {
            ArrayNode page = JSON.createArrayNode();
            items.subList((p - 1) * PAGE, Math.min(items.size(), p * PAGE)).forEach(page::add);
            String link = p < pages
                    ? "<" + base + "/api/models?" + (name.equals("top") ? "sort=downloads&direction=-1&" : "")
                            + "limit=" + PAGE + EXPAND + "&cursor=" + name + (p + 1) + ">; rel=\"next\""
                    : null;
            Fault f = fault.apply(p);
            ResponseDefinitionBuilder normal = json(page.toString(), link);
            final int n = p;
            java.util.function.Supplier<MappingBuilder> mapping = () -> n == 1
                    ? firstPage(name)
                    : get(urlPathEqualTo("/api/models")).withQueryParam("cursor", equalTo(name + n));
            if (f == null) {
                server.stubFor(mapping.get().atPriority(1).willReturn(normal));
            } else if (!f.once()) {
                ResponseDefinitionBuilder r = f.response();
                server.stubFor(mapping.get().atPriority(1).willReturn(link == null ? r : r.withHeader("Link", link)));
            } else {
                String scenario = name + p;
                server.stubFor(mapping.get()
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(f.response()));
                server.stubFor(mapping.get()
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs("recovered")
                        .willReturn(normal));
            }
        }
    }

    /** First page of a listing: "all" has no author and no sort, "top" sorts by downloads. */
    private static MappingBuilder firstPage(String name) {
        MappingBuilder m = get(urlPathEqualTo("/api/models")).withQueryParam("cursor", absent());
        return name.equals("top")
                ? m.withQueryParam("sort", equalTo("downloads")).withQueryParam("direction", equalTo("-1"))
                : m.withQueryParam("author", absent()).withQueryParam("sort", absent());
    }

    /** The body of full-scope page {@code p}, for faults that cut it short. */
    public String fullPageBody(int p) {
        ArrayNode page = JSON.createArrayNode();
        catalogue.subList((p - 1) * PAGE, Math.min(catalogue.size(), p * PAGE)).forEach(page::add);
        return page.toString();
    }

    public static ResponseDefinitionBuilder json(String body, String link) {
        ResponseDefinitionBuilder r = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        return link == null ? r : r.withHeader("Link", link);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * crawlers/huggingface.yaml pointed at {@code baseUrl}, fast retries, small pages, through the configured
     * overrides (never an edited copy of the file); the sources folder holds the Hugging Face definition only.
     */
    static void sources(DynamicPropertyRegistry registry, String baseUrl) {
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
        overrides(baseUrl)
                .forEach((field, value) ->
                        registry.add("weightscope.sources.override.huggingface." + field, () -> value));
    }

    /** The overridden fields of the Hugging Face definition, by property name. */
    public static Map<String, String> overrides(String baseUrl) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("base-url", baseUrl);
        o.put("page-size", String.valueOf(PAGE));
        o.put("rate-limit", "2000/s");
        o.put("retry.attempts", "3");
        o.put("retry.backoff", "20ms");
        o.put("retry.max-backoff", "200ms");
        o.put("timeout", "1s");
        return o;
    }
}
