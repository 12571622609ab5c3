package org.weightscope.source.openrouter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data API rankings-daily. No real response exists anywhere we searched, so the input is the CONSTRUCTED
 * crawlers/fixtures/constructed/openrouter-rankings-daily_documented-format.json, built strictly from the
 * format in crawlers/fixtures/openrouter/DATA-API-rankings-daily.doc.md.
 */
class RankingsDailyTest {

    static final Path FILE = Path.of("crawlers/fixtures/constructed/openrouter-rankings-daily_documented-format.json");
    static final LocalDate DAY1 = LocalDate.of(2026, 8, 20);

    static RankingsDaily parsed() throws IOException {
        return OpenRouter.parseRankingsDaily(Files.readString(FILE));
    }

    @Test
    void rowsAndMeta() throws IOException {
        RankingsDaily r = parsed();
        assertThat(r.rows()).hasSize(18);
        assertThat(r.version()).isEqualTo("v1");
        assertThat(r.startDate()).isEqualTo(DAY1);
        assertThat(r.endDate()).isEqualTo(LocalDate.of(2026, 8, 21));
        assertThat(r.rows().getFirst())
                .isEqualTo(new RouterUsage(
                        DAY1,
                        "deepseek/deepseek-v4-flash-20260731",
                        1_612_345_678_901L,
                        false,
                        RouterUsage.Window.DAY));
        // the :free variant is its own entry, as the docs say
        assertThat(r.rows())
                .extracting(RouterUsage::modelSlug)
                .contains("nvidia/nemotron-3-ultra-550b-a55b-20260604:free");
    }

    @Test
    void otherIsKeptAsItsOwnFlaggedRow() throws IOException {
        List<RouterUsage> other =
                parsed().rows().stream().filter(RouterUsage::longTail).toList();
        assertThat(other)
                .extracting(RouterUsage::day, RouterUsage::modelSlug, RouterUsage::tokens)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DAY1, "other", 2_345_678_901_234L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 8, 21), "other", 2_412_345_678_901L));
    }

    @Test
    void citationIsOpenRoutersLineWithAsOf() throws IOException {
        assertThat(parsed().citation())
                .isEqualTo("Source: OpenRouter (openrouter.ai/rankings), as of 2026-08-22T02:00:00.000Z.");
        assertThat(OpenRouter.LICENCE_NOTE).isEqualTo("Licensed under CC BY 4.0.");
    }

    @Test
    void onlyVersionOneIsRead() {
        String v2 =
                "{\"data\":[],\"meta\":{\"as_of\":\"x\",\"version\":\"v2\",\"start_date\":\"2026-01-01\",\"end_date\":\"2026-01-02\"}}";
        assertThatThrownBy(() -> OpenRouter.parseRankingsDaily(v2))
                .isInstanceOf(OpenRouterException.class)
                .hasMessageContaining("v2");
    }

    @Test
    void fetchSendsTheKeyOnlyAsBearerAndNeverInMessages() throws IOException {
        WireMockServer wm =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        String key = "sk-or-v1-test-not-a-real-key";
        try {
            wm.stubFor(get(urlPathEqualTo("/api/v1/datasets/rankings-daily"))
                    .withHeader("Authorization", equalTo("Bearer " + key))
                    .withQueryParam("start_date", equalTo("2026-08-20"))
                    .withQueryParam("end_date", equalTo("2026-08-21"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(Files.readString(FILE))));
            OpenRouter or = new OpenRouter(OpenRouterCatalogueTest.client(wm), () -> key);
            RankingsDaily r = or.fetchRankingsDaily(DAY1, LocalDate.of(2026, 8, 21));
            assertThat(r.rows()).hasSize(18);
            wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/datasets/rankings-daily"))
                    .withHeader("Authorization", equalTo("Bearer " + key)));

            // a day outside the window asked for (the fixture also holds 2026-08-21) is not kept
            wm.stubFor(get(urlPathEqualTo("/api/v1/datasets/rankings-daily"))
                    .withHeader("Authorization", equalTo("Bearer " + key))
                    .withQueryParam("start_date", equalTo("2026-08-20"))
                    .withQueryParam("end_date", equalTo("2026-08-20"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(Files.readString(FILE))));
            RankingsDaily one = or.fetchRankingsDaily(DAY1, DAY1);
            assertThat(one.rows()).hasSize(9).allMatch(row -> row.day().equals(DAY1));

            OpenRouter wrongKey = new OpenRouter(OpenRouterCatalogueTest.client(wm), () -> "sk-or-wrong");
            assertThatThrownBy(() -> wrongKey.fetchRankingsDaily(DAY1, DAY1))
                    .hasMessageContaining("404")
                    .hasMessageNotContaining("sk-or-wrong");
            OpenRouter noKey = new OpenRouter(OpenRouterCatalogueTest.client(wm), () -> null);
            assertThatThrownBy(() -> noKey.fetchRankingsDaily(DAY1, DAY1)).hasMessageContaining("OPENROUTER_API_KEY");
        } finally {
            wm.stop();
        }
    }
}
