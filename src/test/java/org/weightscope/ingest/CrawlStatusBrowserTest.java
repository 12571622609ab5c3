package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.Browser;
import org.weightscope.IntegrationTest;

/**
 * The crawl status view in Chromium while the real crawler walks the replayed Hub: the replay server answers
 * each page after a fixed delay, so the view's one-second polling sees the progress bar move page by page;
 * the finished run shows its counts. Anonymous visitors get no admin buttons; the admin, once logged in, does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.recordings.import-on-empty=false", "weightscope.admin.password=browser-admin"})
class CrawlStatusBrowserTest extends IntegrationTest {

    static final int PORT = HubReplay.freePort();
    static final HubReplay REPLAY = new HubReplay();
    static final WireMockServer HUB = start();

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
        server.start();
        REPLAY.stub(server, p -> null);
        return server;
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        HubReplay.sources(registry, "http://localhost:" + PORT);
    }

    @AfterAll
    static void stop() {
        HUB.stop();
    }

    @Autowired
    CrawlService crawls;

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void theProgressBarMovesDuringAReplayedCrawlAndTheFinishedRunShowsItsCounts() {
        // a first, fast full crawl: its page count (8) is the bar's total for the next one
        assertThat(crawls.run("huggingface", "full").pages()).isEqualTo(8);
        HUB.setGlobalFixedDelay(900);
        try (Browser browser = new Browser()) {
            Page page = browser.newPage("en-GB");
            page.navigate(url("crawls"));
            page.waitForSelector("#runs-huggingface");
            assertThat(page.locator("#run-huggingface-full").count())
                    .as("no admin buttons for anonymous visitors")
                    .isZero();

            CompletableFuture<CrawlRun> second = CompletableFuture.supplyAsync(() -> crawls.run("huggingface", "full"));
            List<Double> seen = new ArrayList<>();
            boolean shot = false;
            while (!second.isDone()) {
                Object v = page.evaluate("() => { const e = document.querySelector('#progress-huggingface');"
                        + " return e && !e.hasAttribute('hidden') && !e.indeterminate ? e.value : null; }");
                if (v instanceof Number n) {
                    seen.add(n.doubleValue());
                    if (!shot && n.doubleValue() >= 0.3) {
                        Browser.screenshot(page, "crawl-status-running");
                        assertThat(page.textContent("#running-huggingface")).contains("Running: full (manual)");
                        shot = true;
                    }
                }
                page.waitForTimeout(250);
            }
            CrawlRun done = second.join();
            assertThat(done.status()).isEqualTo(CrawlRun.FINISHED);
            System.out.println("Progress values seen: " + seen);
            assertThat(seen).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(seen.stream().distinct().count())
                    .as("the bar moved: " + seen)
                    .isGreaterThanOrEqualTo(3);
            assertThat(seen).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));

            page.waitForFunction(
                    "() => document.querySelector('#running-huggingface').textContent.startsWith('Last run')");
            assertThat(page.textContent("#counts-huggingface")).isEqualTo("pages 8 · models 701 · failed pages 0");
            assertThat(page.textContent("#running-huggingface")).isEqualTo("Last run: full finished");
            assertThat(page.locator("#progress-huggingface").getAttribute("hidden"))
                    .isNotNull();
            Browser.screenshot(page, "crawl-status-finished");
        } finally {
            HUB.setGlobalFixedDelay(0);
        }
    }

    @Test
    void theAdminLogsInAndGetsRunAndPauseButtons() {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage("en-GB");
            page.navigate(url("admin"));
            page.waitForURL("**/login");
            page.locator("input[name='username']").fill("admin");
            page.locator("input[name='password']").fill("browser-admin");
            page.locator("input[name='password']").press("Enter");
            page.waitForSelector("#admin-sources");
            page.navigate(url("crawls"));
            page.waitForSelector("#run-huggingface-full");
            assertThat(page.locator("#pause-huggingface").count()).isEqualTo(1);
            Browser.screenshot(page, "crawl-status-admin");
        }
    }
}
