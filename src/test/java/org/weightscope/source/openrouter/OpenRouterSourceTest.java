package org.weightscope.source.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weightscope.source.Cursor;
import org.weightscope.source.Fetcher;
import org.weightscope.source.PageFailure;
import org.weightscope.source.PageSink;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;
import org.weightscope.source.SourcePage;
import org.weightscope.source.UsagePage;

/**
 * The usage scope without an API key falls back to the public rankings page in real Chromium: the
 * CONSTRUCTED page (crawlers/fixtures/constructed/openrouter-rankings-page_constructed.html) whose table is
 * built by its script, served locally; the rows reach the sink as one usage page of weekly rows.
 */
class OpenRouterSourceTest {

    static final Path PAGE = Path.of("crawlers/fixtures/constructed/openrouter-rankings-page_constructed.html");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-16T16:00:00Z"), ZoneOffset.UTC);
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        byte[] page = Files.readAllBytes(PAGE);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = path.equals("/rankings")
                    ? page
                    : path.equals("/robots.txt")
                            ? "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8)
                            : new byte[0];
            ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void withoutAKeyTheUsageScopeReadsTheRankingsPageInChromium() throws IOException {
        SourceDefinition def = SourceDefinitions.load(
                Path.of("crawlers/openrouter.yaml"),
                Map.of("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort(), "rateLimit", "1000"));
        OpenRouterSource source = new OpenRouterSource(def, Fetcher.of(def), () -> null, CLOCK);
        List<UsagePage> pages = new ArrayList<>();

        source.crawl(OpenRouterSource.USAGE, Cursor.START, Instant.now(CLOCK), new PageSink() {
            @Override
            public void page(SourcePage page) {
                throw new AssertionError("usage is not a model page");
            }

            @Override
            public void failed(PageFailure failure, Cursor resume) {
                throw new AssertionError(failure.toString());
            }

            @Override
            public void usage(UsagePage page) {
                pages.add(page);
            }
        });

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.url()).endsWith("/rankings");
            assertThat(p.rows()).hasSize(10);
            assertThat(p.rows().getFirst())
                    .isEqualTo(new UsagePage.Row(
                            LocalDate.of(2026, 8, 16),
                            "week",
                            "deepseek/deepseek-v4-flash-20260731",
                            11_100_000_000_000L,
                            false));
            assertThat(p.citation())
                    .isEqualTo("Source: OpenRouter (openrouter.ai/rankings), as of 2026-08-16T16:00:00Z.");
        });
    }
}
