package org.weightscope.source.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.source.Fetcher;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;
import org.weightscope.source.browser.HeadlessChromium;

/**
 * The rankings page reader in real Chromium against a CONSTRUCTED page
 * (crawlers/fixtures/constructed/openrouter-rankings-page_constructed.html) whose table only appears after
 * its script runs, filled with the values of the scraped top 10 of 2026-08-16.
 */
class RankingsPageReaderTest {

    static final Path PAGE = Path.of("crawlers/fixtures/constructed/openrouter-rankings-page_constructed.html");
    static final Path SCRAPED =
            Path.of("crawlers/fixtures/openrouter/rankings-page-top10-weekly_scraped_2026-08-16T15-29Z.json");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-16T16:00:00Z"), ZoneOffset.UTC);

    static HttpServer server;
    static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws IOException {
        byte[] page = Files.readAllBytes(PAGE);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int status;
            if (path.equals("/rankings")) {
                status = 200;
                body = page;
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            } else if (path.equals("/robots.txt")) {
                status = 200;
                body = "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "<html><body>nothing</body></html>".getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.stop(0);
    }

    static SourceDefinition source() {
        return SourceDefinitions.load(
                Path.of("crawlers/openrouter.yaml"),
                Map.of("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    static OpenRouter openRouter(SourceDefinition def) {
        return new OpenRouter(new Fetcher(def, java.net.http.HttpClient.newHttpClient(), d -> {}), () -> null);
    }

    @Test
    void readsTheRowsThePagesScriptBuilds() throws IOException {
        List<RouterUsage> rows = openRouter(source()).readRankingsPage(chromium, CLOCK);

        JsonNode scraped = new ObjectMapper().readTree(Files.readString(SCRAPED));
        assertThat(rows).hasSize(scraped.size());
        LocalDate day = LocalDate.of(2026, 8, 16);
        assertThat(rows.getFirst())
                .isEqualTo(new RouterUsage(
                        day,
                        "deepseek/deepseek-v4-flash-20260731",
                        11_100_000_000_000L,
                        false,
                        RouterUsage.Window.WEEK));
        assertThat(rows.get(4))
                .isEqualTo(new RouterUsage(
                        day,
                        "z-ai/glm-5.2-20260616",
                        4_230_000_000_000L,
                        false,
                        RouterUsage.Window.WEEK)); // scraper's float said 4230000000000.0005
        assertThat(rows.get(8).modelSlug()).isEqualTo("nvidia/nemotron-3-ultra-550b-a55b-20260604:free");
        for (int i = 0; i < rows.size(); i++) {
            // same counts as the capturer's own parse, rounded to whole tokens
            assertThat(rows.get(i).tokens())
                    .isEqualTo(Math.round(scraped.get(i).get("t").asDouble()));
        }
    }

    @Test
    void aLayoutChangeFailsNamingTheSelectorAndUrl() {
        SourceDefinition def = source();
        Map<String, String> sel = new java.util.HashMap<>(def.selectors());
        sel.put("rankingRow", "table.leaderboard tr");
        SourceDefinition changed = def.withSelectors(sel);
        RankingsPageReader reader = new RankingsPageReader(
                new Fetcher(changed, java.net.http.HttpClient.newHttpClient(), d -> {}),
                chromium,
                CLOCK,
                Duration.ofSeconds(2));
        assertThatThrownBy(reader::read)
                .isInstanceOf(OpenRouterException.class)
                .hasMessageContaining("table.leaderboard tr")
                .hasMessageContaining("/rankings");
    }
}
