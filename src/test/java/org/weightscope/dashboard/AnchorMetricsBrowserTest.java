package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.Browser;

/**
 * The anchors' metrics in Chromium over the recordings: the explorer shows each metric with the API's keys for
 * the same state, and a model page shows the RAM curve against its class's cutoff and the quality flags, with
 * the API's latest RAM. Screenshots: target/screenshots/explorer-&lt;metric&gt;.png, model-ram.png, model-gguf.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnchorMetricsBrowserTest extends BrowserIntegrationTest {

    @Test
    void theExplorerShowsEachMetricWithTheApisFigures() throws Exception {
        record Case(String metric, String by, String at) {}
        for (Case c : List.of(
                new Case("derivatives", "origin", "2024-12-08"),
                new Case("releases", "origin", "2024-12-08"),
                new Case("releases-weighted", "origin", "2024-11-10"),
                new Case("concentration", "organisation", "2024-12-08"),
                new Case("downloads-first-year", "origin", "2024-12-11"),
                new Case("ram", "origin", "2024-12-11"))) {
            String state = "metric=" + c.metric() + "&by=" + c.by() + "&view=lineage&top=15&at=" + c.at();
            JsonNode answer = json("api/v1/adoption?" + state);
            Page page = browser.newPage("en-GB");
            page.navigate(url("explore?" + state + "&chart=bar"));
            page.waitForSelector("#explorer-table");
            if (answer.get("figures").size() > 0) {
                page.waitForSelector("#explorer-chart[data-rendered] canvas");
            }
            String table = page.textContent("#explorer-table");
            List<String> cells =
                    page.locator("#explorer-table vaadin-grid-cell-content").allTextContents();
            for (JsonNode f : answer.get("figures")) {
                String key = f.get("key").asText();
                assertThat(String.join("|", cells))
                        .as(c.metric() + " key " + key)
                        .containsIgnoringCase(
                                key.substring(key.indexOf(':') + 1).length() > 2
                                        ? key.substring(key.indexOf(':') + 1)
                                        : key);
            }
            if (c.metric().equals("derivatives")) {
                assertThat(page.textContent("#derivative-relations")).contains("Derivatives by relation");
            }
            if (c.metric().equals("downloads-first-year")) {
                assertThat(page.textContent("#flagged-share")).contains("Flagged downloads");
            }
            System.out.printf(
                    "explorer %s: %d figures, table %s%n",
                    c.metric(), answer.get("figures").size(), table);
            page.setViewportSize(1280, 2400);
            Browser.screenshot(page, "explorer-" + c.metric());
            page.context().close();
        }
    }

    @Test
    void aModelPageShowsItsRamCurveAgainstTheCutoffAndItsFlags() throws Exception {
        JsonNode ram = json("api/v1/adoption?metric=ram&at=2024-12-11&top=100");
        String modelId = null;
        for (JsonNode f : ram.get("figures")) {
            modelId = f.get("key").asText();
            break;
        }
        assertThat(modelId)
                .as("a recorded model tracking above 1 on 2024-12-11")
                .isNotNull();
        String repo = modelId.substring(modelId.indexOf(':') + 1);
        JsonNode metrics = json("api/v1/model-metrics/hf/" + repo);
        Page page = browser.newPage("en-GB");
        page.navigate(url("models/huggingface/" + repo));
        page.waitForSelector("#model-ram[data-rendered] canvas");
        assertThat(page.textContent("#model-ram-latest"))
                .contains(String.format(
                        Locale.ROOT, "%.3f", metrics.get("latest_ram").asDouble()));
        assertThat(page.textContent("#model-quality")).isNotBlank();
        System.out.printf("model page %s: %s; %s%n", repo, page.textContent("#model-ram-latest"), metrics.get("ram"));
        page.setViewportSize(1280, 3600);
        Browser.screenshot(page, "model-ram");
        page.context().close();

        Page gguf = browser.newPage("zh-CN");
        gguf.navigate(url("models/huggingface/unsloth/Qwen3.8-27B-GGUF"));
        gguf.waitForSelector("#model-quality");
        assertThat(gguf.textContent("#model-quality")).contains("gguf-files");
        gguf.setViewportSize(1280, 3000);
        Browser.screenshot(gguf, "model-gguf-zh");
        gguf.context().close();
    }
}
