package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.catalogue.ModelSnapshot;

/**
 * The bundled recordings imported through the crawl path: each recorded day's snapshots and events exist,
 * {@code models} holds each model's latest state, and importing twice changes nothing.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class RecordingHistoryTest extends IntegrationTest {

    // the Hugging Face recordings alone: the other hubs' recordings (AllHubsRecordingImportTest) need their
    // definition files, so these counts stay those of the Hugging Face captures
    @org.springframework.test.context.DynamicPropertySource
    static void sources(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
    }

    @Autowired
    RecordingImport recordings;

    @Autowired
    CrawlService crawls;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    CatalogueHistory history;

    @Autowired
    org.weightscope.storage.Indices indices;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Test
    void importsEveryRecordedDayAsSnapshotsAndEventsIdempotently() throws Exception {
        assertThat(recordings.importAll()).isEqualTo(893);
        long[] first = counts();
        // 893 distinct models; 1070 = the models of each of the 30 recorded days summed; 893 releases + 1 licence
        // change
        assertThat(first).containsExactly(893, 1070, 894);
        assertThat(history.eventCount(ModelEvent.RELEASE)).isEqualTo(893);
        assertThat(crawls.latestRuns("huggingface", "recording", 100))
                .hasSize(30)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(CrawlRun.FINISHED));

        // the one licence that differs between two dated recordings of the same model:
        // Djrango/Qwen2vl-Flux has the tag license:mit on 2024-12-02 and no licence on 2024-12-09
        List<ModelEvent> changes = history.events(ModelEvent.LICENCE_CHANGE, null, 10);
        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("hf:Djrango/Qwen2vl-Flux:licence-change:2024-12-09");
            assertThat(e.oldValue()).isEqualTo("mit");
            assertThat(e.newValue()).isEqualTo("none");
            assertThat(e.oldLicenceId()).isEqualTo("mit");
            assertThat(e.day()).isEqualTo(LocalDate.of(2024, 12, 9));
        });

        // trends: one snapshot per recorded day
        assertThat(history.snapshots("hf:Qwen/Qwen2.5-Coder-32B-Instruct", 50))
                .extracting(ModelSnapshot::downloads30d)
                .startsWith(78203L, 156731L, 258755L);
        assertThat(history.snapshots("hf:zai-org/GLM-5.2", 50))
                .extracting(ModelSnapshot::downloads30d)
                .containsSubsequence(33589L, 2050533L);

        // latest state: the 2024-12-11 list item, with what the 12-09 full body said carried over
        CatalogueModel llama = catalogue
                .findAll(List.of("hf:meta-llama/Llama-3.3-70B-Instruct"))
                .get("hf:meta-llama/Llama-3.3-70B-Instruct");
        assertThat(llama.asOf())
                .isEqualTo(LocalDate.of(2024, 12, 11)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant());
        assertThat(llama.figures().gated()).isEqualTo("manual");
        assertThat(llama.facts().totalParameters()).isEqualTo(70553706496L);
        assertThat(llama.attribution().licence().id()).isEqualTo("llama3.3");

        // snapshots are partitioned by month: indices made from the template, all behind one alias
        assertThat(indices.indexFor("snapshots", LocalDate.of(2024, 12, 9)))
                .isEqualTo(indices.prefix() + "-snapshots-v1-2024.12");
        var monthly = client.indices()
                .get(g -> g.index(indices.prefix() + "-snapshots-v1-*"))
                .result();
        assertThat(monthly.keySet())
                .containsExactlyInAnyOrder(java.util.stream.Stream.of(
                                "2024.11", "2024.12", "2026.03", "2026.04", "2026.05", "2026.06", "2026.07", "2026.08")
                        .map(m -> indices.prefix() + "-snapshots-v1-" + m)
                        .toArray(String[]::new));
        assertThat(monthly.values()).allSatisfy(i -> assertThat(i.aliases()).containsKey(indices.alias("snapshots")));
        assertThat(client.count(c -> c.index(indices.prefix() + "-snapshots-v1-2024.12"))
                        .count())
                .isEqualTo(800);

        assertThat(recordings.importAll()).isEqualTo(893);
        assertThat(counts()).containsExactly(first);
    }

    long[] counts() {
        history.refresh();
        return new long[] {catalogue.modelCount(), history.snapshotCount(), history.eventCount()};
    }
}
