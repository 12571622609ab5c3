package org.weightscope.source.modelscope;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weightscope.source.CollectingSink;
import org.weightscope.source.Cursor;
import org.weightscope.source.Fetcher;
import org.weightscope.source.RawItem;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;
import org.weightscope.source.SourcePage;

/**
 * The crawl source against WireMock (the production path a crawl takes, page by page into a sink): page 1 is the recording
 * crawlers/fixtures/modelscope/dolphin-models_tags-lora_2025-11-14.json, page 2 a CONSTRUCTED empty page
 * (the recorded envelope without models), matched on the PUT body's PageNumber.
 */
class ModelScopeSourceTest {

    static final Path RECORDING = Path.of("crawlers/fixtures/modelscope/dolphin-models_tags-lora_2025-11-14.json");
    static final String EMPTY_PAGE =
            "{\"Code\":200,\"Data\":{\"Model\":{\"Models\":[],\"TotalCount\":39692}},\"Message\":\"success\",\"Success\":true}";
    static final String PATH = "/api/v1/dolphin/models";

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    final CollectingSink sink = new CollectingSink();
    final List<SourcePage> pages = sink.pages;

    /** Crawls the listing (scope full) into {@link #pages} and returns every item of it. */
    List<RawItem> crawl() {
        SourceDefinition def = SourceDefinitions.load(
                Path.of("crawlers/modelscope.yaml"), Map.of("baseUrl", "http://127.0.0.1:" + wm.port()));
        new ModelScopeSource(def, new Fetcher(def, HttpClient.newHttpClient(), d -> {}))
                .crawl("full", Cursor.START, Instant.now(), sink);
        return sink.items();
    }

    static List<ScopeModel> parse() throws IOException {
        return ListingParser.parse(Files.readString(RECORDING), "recording").models();
    }

    void stubPages() throws IOException {
        wm.stubFor(put(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("1")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(RECORDING))));
        wm.stubFor(put(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.PageNumber", equalTo("2")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_PAGE)));
    }

    @Test
    void pagesUntilEmptyAndHandsOnEveryModel() throws IOException {
        stubPages();
        List<RawItem> items = crawl();

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(1);
            assertThat(p.resume()).isEqualTo(new Cursor(0, 1, null, 30));
        });
        assertThat(items).hasSize(30);
        // values read from the recording (first model, and the one with the largest counter)
        RawItem f2p = items.getFirst();
        assertThat(f2p.hub()).isEqualTo("modelscope");
        assertThat(f2p.repoId()).isEqualTo("DiffSynth-Studio/Qwen-Image-Edit-F2P");
        assertThat(f2p.author()).isEqualTo("DiffSynth-Studio");
        // Downloads are cumulative: all-time, never a 30-day figure; Stars are likes
        assertThat(f2p.figures().downloadsAllTime()).isEqualTo(2038);
        assertThat(f2p.figures().downloads30d()).isNull();
        assertThat(f2p.figures().likes()).isEqualTo(55);
        assertThat(f2p.cardData()).containsEntry("license", "Apache License 2.0");
        assertThat(f2p.figures().createdAt()).isEqualTo(Instant.ofEpochSecond(1760583023));
        assertThat(f2p.figures().lastModified()).isEqualTo(Instant.ofEpochSecond(1760696097));
        assertThat(f2p.tags()).containsExactly("base_model:adapter:Qwen/Qwen-Image-Edit");
        assertThat(f2p.pipelineTag()).isEqualTo("text-to-image-synthesis");
        RawItem clip = items.stream()
                .filter(m -> m.repoId().equals("muse/sd35_clip_l"))
                .findFirst()
                .orElseThrow();
        assertThat(clip.figures().downloadsAllTime()).isEqualTo(3_273_350);

        wm.verify(
                putRequestedFor(urlEqualTo(PATH))
                        .withHeader(
                                "User-Agent", equalTo("Weightscope/0.1 (+https://github.com/weightscope/weightscope)"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"PageSize\":100,\"PageNumber\":1,\"SortBy\":\"Default\",\"Target\":\"\",\"Criterion\":[],\"SingleCriterion\":[]}")));
        wm.verify(2, putRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theParserReadsTheListingsOwnFields() throws IOException {
        List<ScopeModel> models = parse();
        ScopeModel f2p = models.getFirst();
        assertThat(f2p.baseModels()).containsExactly("Qwen/Qwen-Image-Edit");
        assertThat(f2p.baseModelRelation()).isEqualTo("adapter");
        assertThat(f2p.tasks()).containsExactly("text-to-image-synthesis");
        assertThat(f2p.organization()).isEqualTo("DiffSynth-Studio");
        ScopeModel kook = models.get(1);
        assertThat(kook.repoId()).isEqualTo("KookYan/Kook_Qwen_JIZHIZHENSHI");
        assertThat(kook.organization()).isNull(); // a user, not an organisation
        assertThat(kook.tasks()).isEmpty();
        assertThat(models.get(3).license()).isEqualTo("apache-2.0");
        ScopeModel noBase = models.stream()
                .filter(m -> m.name().equals("Wan2.2-I2V-A14B-Moe-Distill-Lightx2v"))
                .findFirst()
                .orElseThrow();
        assertThat(noBase.baseModels()).isEmpty();
        assertThat(noBase.baseModelRelation()).isNull();
    }

    @Test
    void lineageTagsAndLicenceAsCardData() throws IOException {
        RawItem f = parse().get(2).toRawItem();
        assertThat(f.repoId()).isEqualTo("merjic/majicbeauty-qwen1");
        assertThat(f.author()).isEqualTo("merjic");
        assertThat(f.tags()).containsExactly("base_model:adapter:MusePublic/Qwen-image@v1");
        assertThat(f.cardData()).containsEntry("license", "Apache License 2.0");
        assertThat(f.pipelineTag()).isEqualTo("text-to-image-synthesis");
    }

    @Test
    void successFalseFailsWithTheHubsMessage() {
        wm.stubFor(put(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"Code\":10010,\"Data\":null,\"Message\":\"invalid page\",\"Success\":false}")));
        assertThatThrownBy(() -> crawl())
                .isInstanceOf(ModelScopeException.class)
                .hasMessageContaining("invalid page")
                .hasMessageContaining("page 1");
    }

    @Test
    void aServerIgnoringPageNumberIsCaught() throws IOException {
        wm.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(Files.readString(RECORDING))));
        assertThatThrownBy(() -> crawl())
                .isInstanceOf(ModelScopeException.class)
                .hasMessageContaining("repeats");
    }
}
