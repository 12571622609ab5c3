package org.weightscope.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.weightscope.IntegrationTest;

/**
 * The fault matrix: every hub (Hugging Face, ModelScope, OpenRouter's catalogue and usage, Ollama, and a JSON
 * hub declared as data only) replayed from its recordings by WireMock, with one request of its crawl answered by a
 * fault, once or as often as the fetcher tries ({@value #ATTEMPTS} times), after which the hub recovers. Each case
 * must end with the same stored documents as a clean run of that hub (every model, snapshot, event and usage row,
 * whole), reached by the retries alone when the fault hits once, or by the next run when it outlasts the retries,
 * in which case the run that met it says so (its status and reason, as stored). Crawling the same day once more
 * then changes nothing. One Spring context and the shared Elasticsearch serve every case; the store is emptied
 * between cases.
 */
@SpringBootTest(
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.scheduling.enabled=false",
            "OPENROUTER_API_KEY=test-key-not-real"
        })
class HubFaultMatrixTest extends IntegrationTest {

    static final int ATTEMPTS = 3;
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(800);
    static final Path FIXTURES = Path.of("crawlers/fixtures");
    static final int PORT = HubReplay.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final WireMockServer server = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
    /** 150 of the replayed Hub's models: two pages, the second (last) one faulted, after one was stored. */
    static final HubReplay HF = new HubReplay(150);

    static final Map<Hub, Map<String, String>> CLEAN = new EnumMap<>(Hub.class);

    static {
        server.start();
    }

    /** A hub, the scope crawled, the one request the faults hit and that request's recorded answer. */
    enum Hub {
        MODELSCOPE("modelscope", "full"),
        OPENROUTER("openrouter", "full"),
        OPENROUTER_USAGE("openrouter", "usage"),
        OLLAMA("ollama", "newest"),
        DECLARED_JSON("routercatalogue", "all"),
        HUGGINGFACE("huggingface", "full");

        final String id;
        final String scope;

        Hub(String id, String scope) {
            this.id = id;
            this.scope = scope;
        }

        /** The faulted request: page 2 of 2 for the Hub, the first page elsewhere (most hubs answer in one). */
        MappingBuilder request() {
            return switch (this) {
                case HUGGINGFACE -> get(urlPathEqualTo("/api/models")).withQueryParam("cursor", equalTo("all2"));
                case MODELSCOPE ->
                    put(urlEqualTo("/api/v1/dolphin/models"))
                            .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("1")));
                case OPENROUTER, DECLARED_JSON -> get(urlEqualTo("/api/v1/models"));
                case OPENROUTER_USAGE -> get(urlPathEqualTo("/api/v1/datasets/rankings-daily"));
                case OLLAMA -> get(urlEqualTo("/search?o=newest"));
            };
        }

        String body() {
            return switch (this) {
                case HUGGINGFACE -> HF.fullPageBody(2);
                case MODELSCOPE -> read("modelscope/dolphin-models_tags-lora_2025-11-14.json");
                case OPENROUTER, DECLARED_JSON -> read("openrouter/api-v1-models_2026-08-22T18-35Z.json");
                case OPENROUTER_USAGE -> read("constructed/openrouter-rankings-daily_documented-format.json");
                case OLLAMA -> read("ollama/ollama.com-search_o-newest_2025-03-21.html");
            };
        }

        /** The recorded answer with its headers (the faulted page of each hub is its last: no Link to a next one). */
        ResponseDefinitionBuilder answer(String body) {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", this == OLLAMA ? "text/html; charset=utf-8" : "application/json")
                    .withBody(body);
        }
    }

    /** What answers the faulted request instead of its recording, and a word its run's reason must hold. */
    enum HubFault {
        RATE_LIMITED_WITH_RETRY_AFTER(
                "429", (h, b) -> aResponse().withStatus(429).withHeader("Retry-After", "1")),
        RATE_LIMITED("429", (h, b) -> aResponse().withStatus(429)),
        SERVER_ERROR("503", (h, b) -> aResponse().withStatus(503).withBody("upstream unavailable")),
        TIMEOUT(
                "timed out|no complete answer within",
                (h, b) -> h.answer(b).withFixedDelay((int) CLIENT_TIMEOUT.toMillis() * 2)),
        TRUNCATED_BODY("cut short|broken JSON", (h, b) -> h.answer(b.substring(0, b.length() / 2))),
        CONNECTION_RESET("closed or reset", (h, b) -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        DIES_BEFORE_ANSWERING("closed or reset", (h, b) -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
        /** Headers promising the whole page, half of it sent, then the connection closed. */
        DIES_MID_PAGE(
                "closed or reset|no complete answer within|broken JSON|cut short",
                (h, b) -> h.answer(b.substring(0, b.length() / 2))
                        .withHeader(
                                "Content-Length",
                                String.valueOf(b.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))),
        /** A chunked answer whose chunk framing breaks off into garbage. */
        BROKEN_CHUNK(
                "chunk|protocol error|closed or reset",
                (h, b) -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        SLOW_DRIP(
                "no complete answer within",
                (h, b) -> h.answer(b).withChunkedDribbleDelay(20, (int) CLIENT_TIMEOUT.toMillis() * 3));

        final String reason;
        final java.util.function.BiFunction<Hub, String, ResponseDefinitionBuilder> response;

        HubFault(String reason, java.util.function.BiFunction<Hub, String, ResponseDefinitionBuilder> response) {
            this.reason = reason;
            this.response = response;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Hub hub : Hub.values()) {
            for (HubFault fault : HubFault.values()) {
                out.add(Arguments.of(hub, fault, 1));
                out.add(Arguments.of(hub, fault, ATTEMPTS));
            }
        }
        return out.stream();
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        // the shipped definitions of the four hubs and the declared JSON hub of the source tests, nothing else
        registry.add(
                "weightscope.sources.dir",
                () -> SourceFolders.of(
                        Path.of("crawlers/huggingface.yaml"),
                        Path.of("crawlers/modelscope.yaml"),
                        Path.of("crawlers/ollama.yaml"),
                        Path.of("crawlers/openrouter.yaml"),
                        SourceFolders.DECLARED_ROUTER));
        for (Hub hub : Hub.values()) {
            String o = "weightscope.sources.override." + hub.id + ".";
            registry.add(o + "baseUrl", () -> BASE);
            registry.add(o + "rateLimit", () -> "2000/s");
            registry.add(o + "retry.attempts", () -> String.valueOf(ATTEMPTS));
            registry.add(o + "retry.backoff", () -> "10ms");
            registry.add(o + "retry.maxBackoff", () -> "50ms");
            registry.add(o + "timeout", () -> CLIENT_TIMEOUT.toMillis() + "ms");
        }
        registry.add("weightscope.sources.override.huggingface.pageSize", () -> String.valueOf(HubReplay.PAGE));
    }

    /** The morning after the usage fixture's last day, ticking (as HubsCrawlTest), so usage days are the fixture's. */
    @TestBean
    Clock clock;

    static Clock clock() {
        Instant start = Instant.parse("2026-08-22T03:20:00Z");
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    CrawlService crawls;
    StoredState store;

    @BeforeEach
    void emptyStoreAndRecordedHubs(@Autowired org.springframework.context.ApplicationContext app) {
        crawls = app.getBean(CrawlService.class);
        store = StoredState.of(app);
        store.clear();
        server.resetAll();
        server.stubFor(
                get("/robots.txt").willReturn(aResponse().withStatus(200).withBody("User-agent: *\nAllow: /\n")));
        HF.stub(server, p -> null);
        for (Hub hub : Hub.values()) {
            if (hub != Hub.HUGGINGFACE)
                server.stubFor(hub.request().atPriority(5).willReturn(hub.answer(hub.body())));
        }
        // ModelScope pages until an empty one: the constructed last page (crawlers/fixtures/constructed/README.md)
        server.stubFor(put(urlEqualTo("/api/v1/dolphin/models"))
                .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("2")))
                .atPriority(5)
                .willReturn(Hub.MODELSCOPE.answer(
                        "{\"Code\":200,\"Data\":{\"Model\":{\"Models\":[],\"TotalCount\":39692}},\"Success\":true}")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The stored state of a clean run of {@code hub}, taken once per hub (then the store is emptied again). */
    Map<String, String> clean(Hub hub) {
        return CLEAN.computeIfAbsent(hub, h -> {
            assertThat(cleanlyFinished(crawls.run(h.id, h.scope)))
                    .as("clean run of " + h)
                    .isTrue();
            Map<String, String> state = store.read();
            assertThat(state).as("a clean run stores something").isNotEmpty();
            // the same day crawled twice counts once: a second clean run changes no document
            assertThat(cleanlyFinished(crawls.run(h.id, h.scope))).isTrue();
            assertThat(store.read()).as("stored after crawling the day twice").isEqualTo(state);
            store.clear();
            return state;
        });
    }

    /** Answers the hub's faulted request with {@code fault} {@code times} times in a row, then as recorded. */
    void inject(Hub hub, HubFault fault, int times) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = i == times ? "recovered" : "fault-" + i;
            server.stubFor(hub.request()
                    .atPriority(0)
                    .inScenario("fault")
                    .whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(fault.response.apply(hub, hub.body())));
            state = next;
        }
    }

    @ParameterizedTest(name = "{0}: {1} x{2}")
    @MethodSource("cases")
    void endsWithTheStateOfACleanRun(Hub hub, HubFault fault, int times) {
        Map<String, String> clean = clean(hub);
        inject(hub, fault, times);

        List<CrawlRun> runs = new ArrayList<>();
        for (int i = 0; i < 3 && (runs.isEmpty() || !cleanlyFinished(runs.getLast())); i++) {
            runs.add(crawls.run(hub.id, hub.scope));
        }
        CrawlRun first = runs.getFirst();
        System.out.printf(
                "fault matrix %s %s x%d: %s%n",
                hub,
                fault,
                times,
                runs.stream()
                        .map(r -> r.status() + (r.failures().isEmpty() ? "" : " " + r.failures()) + " " + r.message())
                        .toList());
        if (times < ATTEMPTS) {
            // a fault that hits fewer times than the fetcher tries is absorbed by its retries: one clean run
            assertThat(runs).hasSize(1);
        } else {
            // it outlasted the retries: that run says so, as stored, with the fault in its reason
            assertThat(cleanlyFinished(first))
                    .as("the run that met the fault is not a clean one")
                    .isFalse();
            String reason = first.finished()
                    ? first.failures().stream()
                            .map(CrawlRun.Failure::reason)
                            .toList()
                            .toString()
                    : first.message();
            assertThat(reason).containsPattern("(?i)" + fault.reason);
            CrawlRun stored = crawls.findRun(first.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(first.status());
            assertThat(stored.message()).isEqualTo(first.message());
            assertThat(stored.failures()).hasSameSizeAs(first.failures());
        }
        assertThat(cleanlyFinished(runs.getLast()))
                .as("the hub recovered: a run finished cleanly")
                .isTrue();
        // the day was crawled once or twice (the faulty run stored part of it): it counts once
        assertThat(store.read()).as("stored after the fault").isEqualTo(clean);
    }

    static boolean cleanlyFinished(CrawlRun run) {
        return run.finished() && run.failures().isEmpty();
    }

    static String read(String fixture) {
        try {
            return Files.readString(FIXTURES.resolve(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
