package org.weightscope.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retries, Retry-After, the rate limit and robots.txt (parsed by crawler-commons), against WireMock; waits are
 * recorded, not slept.
 */
class FetcherTest {

    WireMockServer wm;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    Fetcher client(double rateLimit) {
        SourceDefinition d = SourceDefinitions.load(
                Path.of("crawlers/ollama.yaml"),
                Map.of("baseUrl", "http://127.0.0.1:" + wm.port(), "rateLimit", String.valueOf(rateLimit)));
        return new Fetcher(d, HttpClient.newHttpClient(), waits::add);
    }

    @Test
    void retriesA429AfterRetryAfterThenA503WithBackoff() {
        wm.stubFor(get("/x")
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("2")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        wm.stubFor(get("/x")
                .inScenario("s")
                .whenScenarioStateIs("2")
                .willSetStateTo("3")
                .willReturn(aResponse().withStatus(503)));
        wm.stubFor(get("/x")
                .inScenario("s")
                .whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(client(1000).get("/x", Map.of())).isEqualTo("ok");
        // 7 s as asked by Retry-After, then the backoff, which doubled to 4 s after the first retry
        assertThat(waits)
                .filteredOn(d -> d.toMillis() >= 1000)
                .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(4));
        wm.verify(3, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void retryAfterIsBoundedAndAttemptsAreLimited() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));
        Fetcher c = client(1000);
        assertThatThrownBy(() -> c.get("/x", Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("answered 429")
                .hasMessageContaining("/x");
        wm.verify(c.source().retry().attempts(), getRequestedFor(urlEqualTo("/x")));
        assertThat(waits)
                .isNotEmpty()
                .allMatch(d -> d.compareTo(c.source().retry().max()) <= 0);
    }

    @Test
    void clientErrorsFailAtOnce() {
        wm.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("no such page")));
        assertThatThrownBy(() -> client(1000).get("/gone", Map.of()))
                .hasMessageContaining("404")
                .hasMessageContaining("/gone");
        wm.verify(1, getRequestedFor(urlEqualTo("/gone")));
    }

    @Test
    void requestsAreSpacedByTheRateLimit() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(200).withBody("ok")));
        Fetcher c = client(0.5); // one request every 2 s; the sleeper only records, so time does not pass
        c.get("/x", Map.of());
        c.get("/x", Map.of());
        c.get("/x", Map.of());
        long spaced = waits.stream().filter(d -> d.toMillis() > 1500).count();
        assertThat(spaced).isGreaterThanOrEqualTo(2);
    }

    @Test
    void robotsTxtDisallowRefusesBeforeFetching() {
        wm.stubFor(get("/robots.txt")
                .willReturn(aResponse().withStatus(200).withBody("User-agent: *\nDisallow: /search\n")));
        wm.stubFor(
                get("/search?o=newest").willReturn(aResponse().withStatus(200).withBody("page")));
        wm.stubFor(get("/library").willReturn(aResponse().withStatus(200).withBody("lib")));
        Fetcher c = client(1000);
        assertThatThrownBy(() -> c.get("/search?o=newest", Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("robots.txt")
                .hasMessageContaining("/search?o=newest")
                .hasMessageContaining("Disallow: /search");
        wm.verify(0, getRequestedFor(urlEqualTo("/search?o=newest")));
        assertThat(c.get("/library", Map.of())).isEqualTo("lib");
        wm.verify(1, getRequestedFor(urlEqualTo("/robots.txt"))); // fetched once per host
    }

    @Test
    void missingRobotsTxtAllowsAndBrokenRobotsTxtRefuses() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(200).withBody("ok")));
        assertThat(client(1000).get("/x", Map.of())).isEqualTo("ok"); // 404 robots.txt: no rules

        wm.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> client(1000).get("/x", Map.of()))
                .hasMessageContaining("robots.txt")
                .hasMessageContaining("500");
    }

    @Test
    void headerValuesEchoedInErrorBodiesAreRedacted() {
        wm.stubFor(get("/x").willReturn(aResponse().withStatus(401).withBody("bad key: Bearer sk-secret-123456")));
        assertThatThrownBy(() -> client(1000).get("/x", Map.of("Authorization", "Bearer sk-secret-123456")))
                .hasMessageContaining("401")
                .hasMessageNotContaining("sk-secret-123456");
    }

    /** RFC 9309 matching as crawler-commons does it, for our product token "Weightscope". */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "User-agent: *\\nDisallow: /search\\nAllow: /search/public\\n | /search?o=newest | false",
                "User-agent: *\\nDisallow: /search\\nAllow: /search/public\\n | /search/public/x | true",
                "User-agent: *\\nDisallow: /\\n\\nUser-agent: weightscope\\nDisallow: /private\\n | /search | true",
                "User-agent: *\\nDisallow: /\\n\\nUser-agent: weightscope\\nDisallow: /private\\n | /private/x | false",
                "# hi\\nUser-agent: *\\nDisallow: /*.json$ # no json\\nDisallow:\\n | /api/models.json | false",
                "# hi\\nUser-agent: *\\nDisallow: /*.json$ # no json\\nDisallow:\\n | /api/models.json?x=1 | true",
                "User-agent: GPTBot\\nUser-agent: Weightscope\\nDisallow: /search\\n | /search | false"
            })
    void robotsTxtRules(String robots, String path, boolean allowed) {
        wm.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200).withBody(robots.replace("\\n", "\n"))));
        wm.stubFor(get(urlPathEqualTo(path.replaceFirst("\\?.*", "")))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        Fetcher c = client(1000);
        if (allowed) {
            assertThat(c.get(path, Map.of())).isEqualTo("ok");
        } else {
            assertThatThrownBy(() -> c.get(path, Map.of()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("robots.txt");
        }
    }

    @Test
    void aServerThatRefusesConnectionsIsUnavailableNotAFailedPage() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SourceDefinition d = SourceDefinitions.load(
                Path.of("crawlers/modelscope.yaml"),
                Map.of("baseUrl", "http://127.0.0.1:" + port, "rateLimit", "1000", "robotsTxt", "false"));
        Fetcher c = new Fetcher(d, HttpClient.newHttpClient(), waits::add);
        assertThatThrownBy(() -> c.get("/x", Map.of())).isInstanceOf(SourceUnavailableException.class);
        // the backoff between the four tries (rate-limit waits aside): 2 s, doubled each time
        assertThat(waits)
                .filteredOn(w -> w.toMillis() >= 1000)
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
}
