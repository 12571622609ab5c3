package org.weightscope.source.openrouter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightscope.source.Fetcher;
import org.weightscope.source.RawItem;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;

/** The catalogue parser over the recorded /api/v1/models captures (crawlers/fixtures/openrouter). */
class OpenRouterCatalogueTest {

    static final Path DIR = Path.of("crawlers/fixtures/openrouter");

    static List<RouterModel> snapshot(String stamp) throws IOException {
        return OpenRouter.parseCatalogue(Files.readString(DIR.resolve("api-v1-models_" + stamp + ".json")));
    }

    /** Counts checked against the files (len(data), all ids distinct). */
    @ParameterizedTest
    @CsvSource({
        "2026-06-08T01-11Z, 341", "2026-06-15T01-16Z, 337", "2026-06-22T01-15Z, 340", "2026-07-01T01-09Z, 338",
        "2026-07-08T03-18Z, 343", "2026-07-15T02-48Z, 343", "2026-07-22T03-13Z, 342", "2026-08-01T03-23Z, 336",
        "2026-08-08T01-55Z, 400", "2026-08-15T01-26Z, 412", "2026-08-22T18-35Z, 421"
    })
    void modelsPerSnapshot(String stamp, int count) throws IOException {
        assertThat(snapshot(stamp)).hasSize(count);
    }

    @Test
    void fieldsAreTypedAndPricesExact() throws IOException {
        RouterModel m = byId(snapshot("2026-07-08T03-18Z"), "deepseek/deepseek-v3.2");
        assertThat(m.canonicalSlug()).isEqualTo("deepseek/deepseek-v3.2-20251201");
        assertThat(m.huggingFaceId()).isEqualTo("deepseek-ai/DeepSeek-V3.2");
        assertThat(m.created()).isEqualTo(Instant.ofEpochSecond(1764594642));
        assertThat(m.contextLength()).isEqualTo(131072L);
        assertThat(m.inputModalities()).containsExactly("text");
        assertThat(m.outputModalities()).containsExactly("text");
        assertThat(m.author()).isEqualTo("deepseek");
        // the exact digits, not a double's approximation
        assertThat(m.promptPrice()).isEqualTo(new BigDecimal("0.0000002288"));
        assertThat(m.completionPrice()).isEqualTo(new BigDecimal("0.0000003432"));

        RawItem item = m.toRawItem();
        assertThat(item.hub()).isEqualTo("openrouter");
        assertThat(item.author()).isEqualTo("deepseek");
        assertThat(item.cardData())
                .containsEntry("hugging_face_id", "deepseek-ai/DeepSeek-V3.2")
                .containsEntry("pricing", Map.of("prompt", "0.0000002288", "completion", "0.0000003432"));
        assertThat(item.figures().createdAt()).isEqualTo(m.created());
    }

    @Test
    void routerPricesOfMinusOneAreNotPrices() throws IOException {
        RouterModel auto = byId(snapshot("2026-08-22T18-35Z"), "openrouter/auto");
        assertThat(auto.promptPrice()).isNull();
        assertThat(auto.completionPrice()).isNull();
    }

    @Test
    void fetchesTheCatalogueWithoutAKey() throws IOException {
        WireMockServer wm =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            wm.stubFor(get("/api/v1/models")
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(Files.readString(DIR.resolve("api-v1-models_2026-08-22T18-35Z.json")))));
            OpenRouter or = new OpenRouter(client(wm), () -> null);
            assertThat(or.fetchCatalogue()).hasSize(421);
            wm.verify(getRequestedFor(urlEqualTo("/api/v1/models"))
                    .withHeader(
                            "User-Agent", com.github.tomakehurst.wiremock.client.WireMock.containing("Weightscope/0.1"))
                    .withoutHeader("Authorization"));
        } finally {
            wm.stop();
        }
    }

    @Test
    void notJsonFailsNamingTheEndpoint() {
        assertThatThrownBy(() -> OpenRouter.parseCatalogue("<html>maintenance</html>"))
                .isInstanceOf(OpenRouterException.class)
                .hasMessageContaining("models");
        assertThatThrownBy(() -> OpenRouter.parseCatalogue("{\"error\":{}}"))
                .isInstanceOf(OpenRouterException.class)
                .hasMessageContaining("\"data\"");
    }

    static Fetcher client(WireMockServer wm) {
        SourceDefinition def = SourceDefinitions.load(
                Path.of("crawlers/openrouter.yaml"), Map.of("baseUrl", "http://127.0.0.1:" + wm.port()));
        return new Fetcher(def, java.net.http.HttpClient.newHttpClient(), d -> {});
    }

    static RouterModel byId(List<RouterModel> models, String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
