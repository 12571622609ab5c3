package org.weightscope.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.weightscope.IntegrationTest;
import org.weightscope.ingest.RecordingImport;
import org.weightscope.shared.Sleeper;

/**
 * The licence change of the bundled recordings (Djrango/Qwen2vl-Flux: mit on 2024-12-02, none on
 * 2024-12-09; see RecordingHistoryTest) through the real import path: a watchlist rule on that model raises
 * exactly one alert, also when the same import runs again; its webhook reaches a local receiver that fails
 * twice and then accepts, with a valid signature on every try, and the waits between tries double.
 */
@SpringBootTest(
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.alerts.webhook-attempts=4",
            "weightscope.alerts.webhook-backoff=1s",
            "weightscope.alerts.webhook-max-backoff=3s"
        })
class LicenceChangeAlertTest extends IntegrationTest {

    static final String MODEL = "hf:Djrango/Qwen2vl-Flux";
    static final String SECRET = "webhook-secret-Ä";
    static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();
    static final WireMockServer RECEIVER = receiver();

    static WireMockServer receiver() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/hook"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed once")
                .willReturn(aResponse().withStatus(500)));
        server.stubFor(post(urlPathEqualTo("/hook"))
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willSetStateTo("failed twice")
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(post(urlPathEqualTo("/hook"))
                .inScenario("flaky")
                .whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathEqualTo("/releases")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    @org.springframework.test.context.DynamicPropertySource
    static void sources(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    @TestConfiguration
    static class NoWaiting {
        /** Records the backoff instead of sleeping through it. */
        @Bean
        Sleeper recordingSleeper() {
            return SLEPT::add;
        }
    }

    @Autowired
    RecordingImport recordings;

    @Autowired
    WatchlistService watchlists;

    @Autowired
    AlertEvaluator evaluator;

    @Test
    void aLicenceChangeAlertsOnceAndItsWebhookIsRetriedUntilDeliveredWithAValidSignature() throws Exception {
        SLEPT.clear();
        Watchlist watched = watchlists.create(
                "Qwen2vl-Flux",
                List.of(new WatchRule(null, WatchRule.MODEL_CHANGE, null, List.of(MODEL), null, null, null)),
                RECEIVER.baseUrl() + "/hook",
                SECRET);
        Watchlist releases = watchlists.create(
                "Djrango releases",
                List.of(new WatchRule(null, WatchRule.ORGANISATION_RELEASE, "Djrango", null, null, null, null)),
                RECEIVER.baseUrl() + "/releases",
                "other");
        Watchlist quiet = watchlists.create(
                "no webhook",
                List.of(new WatchRule(null, WatchRule.MODEL_CHANGE, null, List.of(MODEL), null, null, null)),
                null,
                null);

        assertThat(recordings.importAll()).isEqualTo(893);

        String licenceRule = watched.rules().getFirst().id();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> watchlists.alerts(watched.id(), 100).stream()
                        .anyMatch(a ->
                                Alert.Delivery.DELIVERED.equals(a.delivery().status())));
        List<Alert> licence = watchlists.alerts(watched.id(), 100).stream()
                .filter(a -> a.ruleId().equals(licenceRule))
                .toList();
        assertThat(licence).singleElement().satisfies(a -> {
            assertThat(a.occurrence()).isEqualTo("hf:Djrango/Qwen2vl-Flux:licence-change:2024-12-09");
            assertThat(a.id()).isEqualTo(AlertEvaluator.alertId(licenceRule, a.occurrence()));
            assertThat(a.title()).isEqualTo("Licence of Djrango/Qwen2vl-Flux changed: mit → none");
            assertThat(a.runId()).isEqualTo("huggingface:recording:2024-12-09");
            assertThat(a.delivery().attempts()).isEqualTo(3);
            assertThat(a.delivery().lastError()).isNull();
            assertThat(a.delivery().deliveredAt()).isNotNull();
        });
        // the release rule: Djrango released one model in the recordings
        await().atMost(Duration.ofSeconds(20))
                .until(() -> watchlists.alerts(releases.id(), 100).stream()
                        .anyMatch(a -> a.delivery().status().equals(Alert.Delivery.DELIVERED)));
        assertThat(watchlists.alerts(releases.id(), 100))
                .singleElement()
                .satisfies(a -> assertThat(a.title()).startsWith("Djrango released Djrango/"));
        assertThat(watchlists.alerts(quiet.id(), 100))
                .singleElement()
                .satisfies(a -> assertThat(a.delivery().status()).isEqualTo(Alert.Delivery.NONE));

        List<LoggedRequest> received = RECEIVER.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/hook")));
        List<LoggedRequest> aboutLicence = received.stream()
                .filter(r -> r.getBodyAsString().contains(licence.getFirst().id()))
                .toList();
        assertThat(aboutLicence)
                .as("two failed tries and the one that was accepted")
                .hasSize(3);
        for (LoggedRequest r : aboutLicence) {
            assertThat(r.getHeader("X-Weightscope-Signature")).isEqualTo("sha256=" + hmac(r.getBody()));
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        }
        assertThat(SLEPT).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));
        int requests = received.size();

        // the same crawl again: no new alert, no new delivery
        assertThat(recordings.importAll()).isEqualTo(893);
        // nothing is delivered in the background for a second (a delivery would start at once)
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        urlPathEqualTo("/hook")))
                                .size()
                        == requests);
        assertThat(watchlists.alerts(watched.id(), 100)).hasSize(1);
        assertThat(watchlists.alerts(releases.id(), 100)).hasSize(1);
        assertThat(watchlists.alerts(quiet.id(), 100)).hasSize(1);
        assertThat(RECEIVER.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/hook"))))
                .hasSize(requests);

        // the feed: valid Atom, hub text escaped
        String atom = AtomFeedController.atom(
                watched,
                watchlists.alerts(watched.id(), 100),
                "http://localhost/feeds/watchlists/" + watched.id() + ".atom");
        var doc = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                        .getLength())
                .isEqualTo(1);
    }

    @Test
    void aWebhookThatNeverAnswersIsMarkedFailedAfterTheLastTryWithItsError() {
        Watchlist w = new Watchlist("w-dead", "dead", List.of(), "http://127.0.0.1:9/nothing-listens", "k", null);
        Alert alert = new Alert(
                AlertEvaluator.alertId("r", "o"),
                w.id(),
                "r",
                WatchRule.TOP_N,
                "o",
                "t",
                "s",
                null,
                null,
                java.time.Instant.now(),
                "run",
                new Alert.Delivery(Alert.Delivery.PENDING, 0, null, null, null));
        SLEPT.clear();
        Alert done = webhooks.deliver(alert, w);
        assertThat(done.delivery().status()).isEqualTo(Alert.Delivery.FAILED);
        assertThat(done.delivery().attempts()).isEqualTo(4);
        assertThat(done.delivery().lastError()).contains("ConnectException");
        // bounded exponential backoff: 1 s, 2 s, then capped at 3 s
        assertThat(SLEPT).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void atomTextIsEscaped() throws Exception {
        Watchlist w = new Watchlist("w1", "<script>&\"", List.of(), null, "k", java.time.Instant.EPOCH);
        Alert a = new Alert(
                "a1",
                "w1",
                "r",
                WatchRule.TOP_N,
                "o",
                "</title><b>x</b> & y",
                "]]> <",
                null,
                null,
                java.time.Instant.EPOCH,
                "run",
                null);
        String atom = AtomFeedController.atom(w, List.of(a), "http://localhost/feeds/watchlists/w1.atom");
        var doc = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("</title><b>x</b> & y");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Weightscope watchlist: <script>&\"");
    }

    @Autowired
    WebhookDelivery webhooks;

    static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
