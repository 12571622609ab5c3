package org.weightscope.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hubs added with a YAML file and a recording only, no Java: the definitions under
 * src/test/resources/org/weightscope/source/declared are crawled by the generic listing (dispatched on their
 * kind) from the real recordings in crawlers/fixtures, served by WireMock, and their recordings read the same way.
 */
class DeclaredHubTest {

    static final Path DECLARED = Path.of("src/test/resources/org/weightscope/source/declared");
    static final Path FIXTURES = Path.of("crawlers/fixtures");
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer wm;
    final CollectingSink sink = new CollectingSink();
    final List<SourcePage> pages = sink.pages;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    /** The declared definitions with the base URLs pointed at WireMock by configuration, and no hub code at all. */
    CrawlSources sources() {
        String base = "http://127.0.0.1:" + wm.port();
        Map<String, Map<String, String>> overrides = Map.of(
                "routercatalogue", Map.of("base-url", base, "rate-limit", "1000"),
                "hublist", Map.of("base-url", base, "rate-limit", "1000"),
                "ollamalist", Map.of("base-url", base, "rate-limit", "1000"));
        return new CrawlSources(new SourceDefinitions(new SourceSettings(DECLARED, overrides)), List.of());
    }

    List<RawItem> crawl(String id, String scope) {
        sources().find(id).orElseThrow().crawl(scope, Cursor.START, Instant.now(), sink);
        return sink.items();
    }

    @Test
    void aJsonCatalogueDeclaredAsDataIsCrawledAndItsRecordingsRead() throws IOException {
        wm.stubFor(get("/api/v1/models")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(
                                FIXTURES.resolve("openrouter/api-v1-models_2026-08-22T18-35Z.json")))));
        CrawlSource source = sources().find("routercatalogue").orElseThrow();
        assertThat(source.scopes()).containsExactly("all");
        assertThat(source.complete("all")).isTrue();

        List<RawItem> items = crawl("routercatalogue", "all");

        assertThat(items).hasSize(421);
        RawItem v32 = items.stream()
                .filter(i -> i.repoId().equals("deepseek/deepseek-v3.2"))
                .findFirst()
                .orElseThrow();
        assertThat(v32.hub()).isEqualTo("routercatalogue");
        assertThat(v32.figures().createdAt()).isEqualTo(Instant.ofEpochSecond(1764594642));
        assertThat(v32.tags()).containsExactly("text");
        assertThat(v32.cardText()).startsWith("DeepSeek-V3.2 is a large language model");
        assertThat(v32.cardData()).containsEntry("prompt", "0.00000026");
        assertThat(pages).singleElement().satisfies(p -> assertThat(p.url()).endsWith("/api/v1/models"));

        List<Recording> recordings = source.recordings(FIXTURES);
        assertThat(recordings).hasSize(11).allMatch(Recording::complete);
        assertThat(recordings.getFirst().day()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(recordings.getFirst().models()).hasSize(341);
        assertThat(recordings.getLast().models())
                .hasSize(421)
                .allSatisfy(m -> assertThat(m.file()).isEqualTo("api-v1-models_2026-08-22T18-35Z.json"));
    }

    @Test
    void aJsonListingFollowsTheLinkHeader() throws IOException {
        ArrayNode all =
                (ArrayNode) JSON.readTree(FIXTURES.resolve("huggingface/api-models_limit50_trending_2024-12-09.json")
                        .toFile());
        ArrayNode first = JSON.createArrayNode();
        ArrayNode second = JSON.createArrayNode();
        for (int i = 0; i < all.size(); i++) (i < 25 ? first : second).add(all.get(i));
        String base = "http://127.0.0.1:" + wm.port();
        wm.stubFor(get(urlEqualTo("/api/models?sort=trendingScore&limit=25"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Link", "<" + base + "/api/models?sort=trendingScore&limit=25&cursor=2>; rel=\"next\"")
                        .withBody(first.toString())));
        wm.stubFor(get(urlPathEqualTo("/api/models"))
                .withQueryParam("cursor", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody(second.toString())));

        List<RawItem> items = crawl("hublist", "trending");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).resume().next()).endsWith("cursor=2");
        assertThat(pages.get(1).resume()).isEqualTo(new Cursor(1, 2, null, 50));
        assertThat(items).hasSize(50);
        JsonNode hunyuan = all.get(0);
        RawItem h = items.getFirst();
        assertThat(h.repoId()).isEqualTo(hunyuan.get("id").asText()).isEqualTo("tencent/HunyuanVideo");
        assertThat(h.figures().downloads30d()).isEqualTo(2054L);
        assertThat(h.figures().createdAt()).isEqualTo(Instant.parse("2024-12-01T06:00:34.000Z"));
        assertThat(h.tags()).hasSize(hunyuan.get("tags").size());
        assertThat(h.figures().sha()).isNull();
    }

    @Test
    void anHtmlListingDeclaredAsDataReadsItsRecording() {
        CrawlSource source = sources().find("ollamalist").orElseThrow();
        List<Recording> recordings = source.recordings(FIXTURES);
        assertThat(recordings).singleElement().satisfies(r -> {
            assertThat(r.day()).isEqualTo(LocalDate.of(2025, 3, 21));
            assertThat(r.complete()).isFalse();
            RawItem gemma = r.models().stream()
                    .map(Recording.Item::item)
                    .filter(i -> i.repoId().equals("gemma3"))
                    .findFirst()
                    .orElseThrow();
            // "2.5M" pulls as printed; all-time, not 30 days
            assertThat(gemma.figures().downloadsAllTime()).isEqualTo(2_500_000L);
            assertThat(gemma.figures().downloads30d()).isNull();
        });
    }

    @Test
    void anHtmlPageWhoseItemsAreGoneFailsNamingTheSelector() {
        wm.stubFor(get("/search?o=newest")
                .willReturn(aResponse().withStatus(200).withBody("<html><body>redesigned</body></html>")));
        assertThatThrownBy(() -> crawl("ollamalist", "newest"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("li[x-test-model]")
                .hasMessageContaining("listing.items");
        assertThat(pages).isEmpty();
    }

    @Test
    void aDefinitionWithNeitherCodeNorListingStopsTheStart(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("crawlers/ollama.yaml"), dir.resolve("ollama.yaml"));
        assertThatThrownBy(() -> new CrawlSources(new SourceDefinitions(dir), List.of()))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("ollama.yaml")
                .hasMessageContaining("'listing'");
    }
}
