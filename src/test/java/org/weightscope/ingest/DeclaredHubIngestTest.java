package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelEvent;

/**
 * A hub added with a YAML file and recordings only, end to end: the declared JSON catalogue
 * (src/test/resources/org/weightscope/source/declared/routercatalogue.yaml, no Java) is the only source; its
 * recordings (the real OpenRouter captures, each a whole catalogue) are imported through the crawl path into
 * the store, and the models each later capture lacks are recorded as removed.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class DeclaredHubIngestTest extends IntegrationTest {

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add("weightscope.sources.dir", () -> SourceFolders.of(SourceFolders.DECLARED_ROUTER));
    }

    @Autowired
    CrawlService crawls;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    CatalogueHistory history;

    @Test
    void theDeclaredHubsRecordingsAreStoredAsDatedHistory() {
        assertThat(crawls.sources()).containsOnlyKeys("routercatalogue");
        List<CrawlRun> runs = crawls.importRecordings("routercatalogue", Path.of("crawlers/fixtures"));
        history.refresh();

        assertThat(runs).hasSize(11).allSatisfy(r -> assertThat(r.status()).isEqualTo(CrawlRun.FINISHED));
        // counted with Python over the 11 files: 479 distinct ids, 3953 listings in all; 58 of the ids seen
        // before the last capture are missing from it
        assertThat(catalogue.modelCount()).isEqualTo(479);
        assertThat(history.snapshotCount()).isEqualTo(3953);
        assertThat(history.eventCount(ModelEvent.REMOVED)).isGreaterThanOrEqualTo(58);
        assertThat(catalogue.findAll(List.of("routercatalogue:deepseek/deepseek-v3.2")))
                .containsKey("routercatalogue:deepseek/deepseek-v3.2");
    }
}
