package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.Browser;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.shared.HubFigures;

/**
 * Every view in Chromium against the app loaded with the recorded data: the charts show the service's
 * numbers, a permalink reproduces the explorer, the CSV starts with its citation, the Chinese UI renders,
 * and model text containing markup is shown as text. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest extends BrowserIntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @Test
    void overviewChartsShowTheServiceNumbers() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url(""));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        page.waitForSelector("#origin-by-hardware[data-rendered] canvas");
        // the public API's numbers for the same state (metric, dimension, view, top)
        assertSameFigures(
                rendered(page, "#share-by-origin-lineage"),
                api("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=10"));
        assertSameFigures(
                rendered(page, "#share-by-origin-uploader"),
                api("/api/v1/adoption?metric=downloads-30d&by=origin&view=uploader&top=10"));
        assertSameFigures(
                rendered(page, "#top-organisations"),
                api("/api/v1/adoption?metric=downloads-30d&by=organisation&view=lineage&top=15"));
        assertThat(page.locator("#headline-table vaadin-grid-cell-content").count())
                .isPositive();
        assertThat(page.textContent("#headline-releases")).contains("Releases from");
        page.waitForSelector("#share-over-time[data-rendered] canvas");
        assertThat(page.textContent("#recorded-note")).contains("Recorded data");
        assertThat(page.locator(".caption").first().textContent())
                .contains("As of")
                .contains("attribution-2/rules-");
        page.setViewportSize(1280, 4600);
        Browser.screenshot(page, "overview");
    }

    @Test
    void headlinePiesAndExplorerShowTheApisFiguresForTheSameDayAndView() throws Exception {
        JsonNode lineage = json("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=100");
        JsonNode uploader = json("/api/v1/adoption?metric=downloads-30d&by=origin&view=uploader&top=100");
        String day = lineage.get("as_of").asText();
        Page page = browser.newPage("en-GB");
        page.navigate(url(""));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        // the pies: the API's keys and values, as of the API's day, its coverage in the caption
        assertSameFigures(
                rendered(page, "#share-by-origin-lineage"),
                api("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=10"));
        String caption = page.textContent("#share-by-origin-lineage-panel .caption");
        assertThat(caption)
                .contains("As of " + day)
                .contains(lineage.at("/coverage/models").asText() + " models captured");
        assertThat(page.textContent("#share-by-origin-lineage-panel"))
                .contains("Thin sample")
                .contains("Dominated by one model");
        // the headline table: the same shares, both views, in the same day's columns
        List<String> cells =
                page.locator("#headline-table vaadin-grid-cell-content").allTextContents();
        assertThat(page.textContent("#headline-table"))
                .contains("Uploader view")
                .contains("Lineage view");
        assertThat(cells).contains(day);
        for (JsonNode f : lineage.get("figures")) {
            assertThat(cells)
                    .as("lineage share of " + f.get("key").asText())
                    .contains(percent(f.get("share").asDouble()));
        }
        for (JsonNode f : uploader.get("figures")) {
            assertThat(cells)
                    .as("uploader share of " + f.get("key").asText())
                    .contains(percent(f.get("share").asDouble()));
        }
        assertThat(cells).contains("China (CN)", "United States (US)");
        // the explorer as of the same day and view
        page.navigate(url("explore?metric=downloads-30d&by=origin&view=lineage&top=10&chart=bar&at=" + day));
        page.waitForSelector("#explorer-chart[data-rendered] canvas");
        assertSameFigures(
                rendered(page, "#explorer-chart"),
                api("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&top=10&at=" + day));
    }

    @Test
    void anEmptyMonthAgoWindowIsNoDataAndTheSeriesHasGapsOnATimeAxis() throws Exception {
        // as of the first 2026 capture, the window a month earlier (January 2026) holds no capture
        Page page = browser.newPage("en-GB");
        page.navigate(url("?at=2026-03-02"));
        page.waitForSelector("#headline-table vaadin-grid-cell-content");
        List<String> cells =
                page.locator("#headline-table vaadin-grid-cell-content").allTextContents();
        assertThat(cells).contains("no data");
        assertThat(cells).noneMatch(c -> c.matches("[+-]\\d+\\.\\d pt")); // no change against an empty window
        assertThat(cells).contains("a month earlier (2026-01-31)");
        JsonNode empty = json("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&at=2026-01-31");
        assertThat(empty.at("/coverage/models").asInt()).isZero();
        Browser.screenshot(page, "overview-at-2026-03-02");

        page.navigate(url(""));
        page.waitForSelector("#share-over-time[data-rendered] canvas");
        assertThat(page.evalOnSelector("#share-over-time", "el => el._chart.getOption().xAxis[0].type"))
                .isEqualTo("time");
        JsonNode series = rendered(page, "#share-over-time").path("series");
        JsonNode api = json("/api/v1/adoption?metric=downloads-30d&by=origin&view=lineage&from="
                + series.get(0).path("data").get(0).get(0).asText() + "&to="
                + series.get(0)
                        .path("data")
                        .get(series.get(0).path("data").size() - 1)
                        .get(0)
                        .asText());
        int gaps = 0;
        for (int i = 0; i < api.get("series").size(); i++) {
            JsonNode point = api.get("series").get(i);
            boolean noData = point.at("/coverage/models").asInt() == 0;
            for (JsonNode s : series) {
                JsonNode value = s.path("data").get(i).get(1);
                assertThat(s.path("data").get(i).get(0).asText())
                        .isEqualTo(point.get("day").asText());
                if (noData) {
                    assertThat(value.isNull())
                            .as(s.path("name").asText() + " on "
                                    + point.get("day").asText())
                            .isTrue();
                }
            }
            if (noData) gaps++;
        }
        assertThat(gaps).isPositive();
        assertThat(page.textContent("#share-over-time-sample")).isNotBlank();
    }

    @Test
    void explorerPermalinkReproducesTheChartAndTheCsvStartsWithItsCitation() throws Exception {
        Page page = browser.newPage("en-GB");
        page.navigate(url("explore?metric=downloads-30d&by=organisation&view=uploader&top=12&chart=bar"));
        page.waitForSelector("#explorer-chart[data-rendered] canvas");
        JsonNode first = rendered(page, "#explorer-chart");
        assertSameFigures(first, api("/api/v1/adoption?metric=downloads-30d&by=organisation&view=uploader&top=12"));

        String permalink = page.locator("#permalink").getAttribute("href");
        Page second = browser.newPage("en-GB");
        second.navigate(url(permalink));
        second.waitForSelector("#explorer-chart[data-rendered] canvas");
        assertThat(rendered(second, "#explorer-chart")).isEqualTo(first);
        Browser.screenshot(second, "explorer");

        Download download = page.waitForDownload(() -> page.click("#csv-download"));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("# Source: Weightscope, as of ")
                .contains(
                        "metric downloads-30d v2",
                        "by organisation",
                        "view uploader",
                        "attribution attribution-2/rules-");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).isEqualTo("organisation,downloads-30d,share");
    }

    @Test
    void modelsSearchFacetsAndModelPage() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("models?q=qwen&origin=CN"));
        page.waitForSelector("#models-grid vaadin-grid-cell-content a");
        assertThat(page.textContent("#result-count")).containsPattern("\\d+ models");
        Browser.screenshot(page, "models");
        page.navigate(url("models/huggingface/Qwen/Qwen2.5-Coder-32B-Instruct"));
        page.waitForSelector("#model-attributes");
        assertThat(page.textContent("#model-name")).isEqualTo("Qwen/Qwen2.5-Coder-32B-Instruct");
        assertThat(page.textContent("#model-attributes")).contains("CN").contains("code");
        assertThat(page.textContent("#derivative-count")).containsPattern("Derivatives \\(\\d+\\)");
        Browser.screenshot(page, "model");
    }

    @Test
    void releasesAndLicenceChanges() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("events?type=licence-change"));
        page.waitForSelector("#events-grid vaadin-grid-cell-content a");
        // the one real licence change in the recordings (RecordingHistoryTest): Djrango/Qwen2vl-Flux, mit → none
        assertThat(page.content()).contains("Djrango/Qwen2vl-Flux");
        assertThat(page.getAttribute("#events-feed", "href")).isEqualTo("feeds/licence-changes.atom");
        Browser.screenshot(page, "events");
    }

    @Test
    void routerUsageViewRendersAndSaysWhenThereIsNoUsageData() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("router-usage"));
        page.waitForSelector("#router-usage-grid");
        assertThat(page.content()).contains("OpenRouter");
        Browser.screenshot(page, "router-usage");
    }

    @Test
    void organisationsAndMethodology() {
        Page page = browser.newPage("en-GB");
        page.navigate(url("organisations"));
        page.waitForSelector("#organisations-grid vaadin-grid-cell-content");
        assertThat(page.content()).contains("Alibaba");
        Browser.screenshot(page, "organisations");
        page.navigate(url("methodology"));
        page.waitForSelector("#rule-version");
        assertThat(page.textContent("#rule-version")).contains("attribution-2/rules-");
        Browser.screenshot(page, "methodology");
    }

    @Test
    void chineseUiRenders() {
        Page page = browser.newPage("zh-CN");
        page.navigate(url(""));
        page.waitForSelector("#share-by-origin-lineage[data-rendered] canvas");
        assertThat(page.content()).contains("概览").contains("30 天下载量按来源占比");
        page.setViewportSize(1280, 4600);
        Browser.screenshot(page, "overview-zh");
    }

    @Test
    void modelTextWithMarkupIsShownAsTextNeverRun() {
        String script = "<script>window.__weightscopeXss = 1</script><img src=x onerror=\"window.__weightscopeXss=2\">";
        ModelFacts facts = new ModelFacts(
                "huggingface",
                "constructed-test/xss-card",
                null,
                "text-generation",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                "A card with markup: " + script,
                Map.of());
        catalogue.save(catalogue.describe(List.of(new CatalogueService.Observation(
                facts,
                new HubFigures(null, null, null, null, 1L, null, null),
                Instant.parse("2026-01-01T00:00:00Z"),
                true,
                "constructed-test"))));
        Page page = browser.newPage("en-GB");
        page.navigate(url("models/huggingface/constructed-test/xss-card"));
        page.waitForSelector("#model-card");
        assertThat(page.textContent("#model-card")).contains(script);
        assertThat(page.evaluate("() => window.__weightscopeXss === undefined")).isEqualTo(true);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
    }

    private Adoption api(String path) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path.substring(1))))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        List<Adoption.Figure> figures = new java.util.ArrayList<>();
        body.path("figures")
                .forEach(f -> figures.add(new Adoption.Figure(
                        f.path("key").asText(),
                        f.path("value").asDouble(),
                        f.path("share").asDouble())));
        return new Adoption(
                body.path("metric").asText(),
                body.path("metric_version").asText(),
                body.path("by").asText(),
                body.path("view").asText(),
                null,
                null,
                body.path("total").asDouble(),
                figures,
                org.weightscope.catalogue.Coverage.none(7, 0, 0),
                "",
                body.path("rule_version").asText());
    }

    private static JsonNode rendered(Page page, String selector) throws Exception {
        return JSON.readTree((String) page.evalOnSelector(selector, "el => el.renderedSeries()"));
    }

    private static List<String> names(JsonNode rendered) {
        JsonNode source = rendered.path("keys");
        List<String> out = new java.util.ArrayList<>();
        source.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertSameFigures(JsonNode shown, Adoption expected) {
        assertThat(names(shown))
                .containsExactlyElementsOf(
                        expected.figures().stream().map(Adoption.Figure::key).toList());
        JsonNode values = shown.path("values");
        for (int i = 0; i < expected.figures().size(); i++) {
            assertThat(values.get(i).asDouble())
                    .isCloseTo(expected.figures().get(i).value(), within(0.01));
        }
    }
}
