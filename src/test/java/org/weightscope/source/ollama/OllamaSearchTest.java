package org.weightscope.source.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weightscope.source.Fetcher;
import org.weightscope.source.RawItem;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;
import org.weightscope.source.SourceException;

/** ollama.com/search?o=newest served by WireMock from the recording of 2025-03-21 (crawlers/fixtures/ollama). */
class OllamaSearchTest {

    static final Path RECORDING = Path.of("crawlers/fixtures/ollama/ollama.com-search_o-newest_2025-03-21.html");
    static final String SEARCH = "/search?o=newest";

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    OllamaSource ollama() {
        SourceDefinition def = SourceDefinitions.load(
                Path.of("crawlers/ollama.yaml"), Map.of("baseUrl", "http://127.0.0.1:" + wm.port()));
        return new OllamaSource(def, new Fetcher(def, HttpClient.newHttpClient(), d -> {}));
    }

    void serve(String html) {
        wm.stubFor(get(urlEqualTo(SEARCH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody(html)));
    }

    @Test
    void readsAllModelsWithExactPullCounts() throws IOException {
        wm.stubFor(get("/robots.txt")
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nDisallow: /api/\n")));
        serve(Files.readString(RECORDING));

        List<OllamaModel> models = ollama().fetchNewest();

        assertThat(models).hasSize(162);
        Map<String, OllamaModel> byName =
                models.stream().collect(Collectors.toMap(OllamaModel::name, Function.identity()));
        // as printed in the recording: 6,483 / 2.5M / 3,146 / 78.5K / 18.4K
        assertThat(byName.get("exaone-deep").pulls()).isEqualTo(6_483);
        assertThat(byName.get("gemma3").pulls()).isEqualTo(2_500_000);
        assertThat(byName.get("command-a").pulls()).isEqualTo(3_146);
        assertThat(byName.get("phi4-mini").pulls()).isEqualTo(78_500);
        assertThat(byName.get("r1-1776").pulls()).isEqualTo(18_400);

        OllamaModel exaone = models.getFirst();
        assertThat(exaone.name()).isEqualTo("exaone-deep");
        assertThat(exaone.description()).startsWith("EXAONE Deep exhibits superior capabilities");
        assertThat(exaone.sizes())
                .containsExactly(
                        new ParameterSize("2.4b", 2_400_000_000L, 1),
                        new ParameterSize("7.8b", 7_800_000_000L, 1),
                        new ParameterSize("32b", 32_000_000_000L, 1));
        assertThat(exaone.capabilities()).isEmpty();
        assertThat(exaone.tagCount()).isEqualTo(13);
        assertThat(exaone.updated()).isEqualTo("2 days ago");
        assertThat(exaone.updatedAt()).isEqualTo(Instant.parse("2025-03-19T17:04:00Z"));
        assertThat(byName.get("gemma3").capabilities()).containsExactly("vision");
        assertThat(byName.get("command-a").capabilities()).containsExactly("tools");
        assertThat(byName.get("r1-1776").sizes())
                .extracting(ParameterSize::parameters)
                .containsExactly(70_000_000_000L, 671_000_000_000L);
        // totals over the page, counted in the HTML: 297 size tags, 50 capability tags
        assertThat(models.stream().mapToInt(m -> m.sizes().size()).sum()).isEqualTo(297);
        assertThat(models.stream().mapToInt(m -> m.capabilities().size()).sum()).isEqualTo(50);
        assertThat(models).allMatch(m -> m.pulls() > 0 && m.tagCount() > 0);

        RawItem f = byName.get("phi4-mini").toRawItem();
        assertThat(f.hub()).isEqualTo("ollama");
        assertThat(f.repoId()).isEqualTo("phi4-mini");
        assertThat(f.author()).isNull(); // the catalogue takes the name as the namespace
        assertThat(f.totalParameters()).isEqualTo(3_800_000_000L);
        assertThat(f.figures().downloadsAllTime())
                .isEqualTo(byName.get("phi4-mini").pulls());
        assertThat(f.figures().downloads30d()).isNull();
    }

    @Test
    void mixtureOfExpertsLabelsKeepTheirExpertCount() {
        assertThat(ParameterSize.parse("8x22b")).isEqualTo(new ParameterSize("8x22b", 22_000_000_000L, 8));
        assertThat(ParameterSize.parse("335m").parameters()).isEqualTo(335_000_000L);
        assertThatThrownBy(() -> ParameterSize.parse("latest")).isInstanceOf(IllegalArgumentException.class);
    }

    /** CONSTRUCTED page: the recording with every pull-count span removed, generated here (not stored). */
    @Test
    void pageWithoutPullCountsFailsNamingTheSelector() throws IOException {
        Document doc = Jsoup.parse(Files.readString(RECORDING));
        doc.select("span[x-test-pull-count]").remove();
        serve(doc.outerHtml());

        assertThatThrownBy(() -> ollama().fetchNewest())
                .isInstanceOf(OllamaException.class)
                .hasMessageContaining("span[x-test-pull-count]")
                .hasMessageContaining("selectors.pullCount")
                .hasMessageContaining("/search?o=newest")
                .hasMessageContaining("exaone-deep");
    }

    @Test
    void pageWithoutItemsFailsNamingTheItemSelector() {
        serve("<html><body><h1>We moved the library</h1><ul><li>gemma3</li></ul></body></html>");
        assertThatThrownBy(() -> ollama().fetchNewest())
                .isInstanceOf(OllamaException.class)
                .hasMessageContaining("li[x-test-model]")
                .hasMessageContaining("/search?o=newest");
    }

    @Test
    void robotsTxtDisallowingSearchRefusesWithoutFetchingThePage() throws IOException {
        wm.stubFor(get("/robots.txt")
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nDisallow: /search\n")));
        serve(Files.readString(RECORDING));

        assertThatThrownBy(() -> ollama().fetchNewest())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("robots.txt")
                .hasMessageContaining("/search?o=newest");
        wm.verify(0, getRequestedFor(urlEqualTo(SEARCH)));
    }
}
