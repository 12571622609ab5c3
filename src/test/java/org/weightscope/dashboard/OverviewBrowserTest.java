package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.Browser;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.Share;

/** Opens the overview in Chromium (production bundle) and checks the chart shows the catalogue's numbers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverviewBrowserTest extends IntegrationTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CatalogueService catalogue;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void chartRendersTheDownloadsByOrganisationOfTheRecordedData() throws Exception {
        List<Share> expected = catalogue.downloadsByAuthor(OverviewView.TOP_ORGANISATIONS);
        assertThat(expected).hasSize(OverviewView.TOP_ORGANISATIONS);

        Page page = browser.newPage("en-GB");
        page.navigate("http://localhost:" + port + "/");
        page.waitForSelector("echarts-chart[data-rendered] canvas");
        page.waitForSelector("vaadin-grid-cell-content:has-text('sentence-transformers/all-mpnet-base-v2')");

        // what the ECharts instance holds after rendering, read in the page
        String rendered = (String) page.evalOnSelector("#downloads-by-organisation", "el => el.renderedSeries()");
        JsonNode option = new ObjectMapper().readTree(rendered);
        List<String> names = new ArrayList<>();
        option.path("categories").forEach(n -> names.add(n.asText()));
        List<Long> values = new ArrayList<>();
        option.path("values").forEach(v -> values.add(v.asLong()));
        assertThat(names).containsExactlyElementsOf(expected.stream().map(Share::key).toList());
        assertThat(values).containsExactlyElementsOf(expected.stream().map(Share::value).toList());
        assertThat(page.textContent("#as-of")).contains("Recorded data");

        Browser.screenshot(page, "overview");
    }
}
