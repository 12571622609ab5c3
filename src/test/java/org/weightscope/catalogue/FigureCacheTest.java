package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.shared.HubFigures;
import org.weightscope.storage.Indices;

/**
 * Figures are reused only while the store is unchanged: the same question twice is one computation; a write through
 * the catalogue, or a write by another instance sharing the cluster, makes the next answer a fresh one that shows it.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class FigureCacheTest extends IntegrationTest {

    static final Path PAGE = Path.of("crawlers/fixtures/huggingface/api-models_limit50_trending_2024-12-09.json");
    static final LocalDate DAY = LocalDate.of(2024, 12, 9);

    @Autowired
    CatalogueHistory history;

    @Autowired
    AdoptionService adoption;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    List<CatalogueService.Observation> page(long extra) {
        List<CatalogueService.Observation> batch = new ArrayList<>();
        Fixtures.readHfArray(PAGE)
                .values()
                .forEach(f -> batch.add(new CatalogueService.Observation(
                        f,
                        new HubFigures(null, null, null, null, 1000 + extra, null, 0L),
                        DAY.atTime(4, 0).toInstant(ZoneOffset.UTC),
                        false,
                        "figure-cache-test")));
        return batch;
    }

    @Test
    void anAnswerIsReusedUntilTheStoreChanges() {
        history.apply(page(0), DAY, "cache-1");
        history.refresh();
        Adoption.Query q =
                Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER);
        Adoption first = adoption.asOf(q, DAY);
        assertThat(first.total()).isEqualTo(50 * 1000.0);
        assertThat(adoption.asOf(q, DAY))
                .as("the same question, nothing written")
                .isSameAs(first);

        // the same day crawled again with other downloads: the next answer shows them
        history.apply(page(10), DAY, "cache-2");
        history.refresh();
        Adoption second = adoption.asOf(q, DAY);
        assertThat(second).isNotSameAs(first);
        assertThat(second.total()).isEqualTo(50 * 1010.0);
        assertThat(adoption.asOf(q, DAY)).isSameAs(second);

        // another instance on the same cluster wrote: its token in the cube index makes this one compute again
        // (within a second: the token is read at most once a second)
        new FigureCache(client, indices).changed();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> adoption.asOf(q, DAY) != second);
        Adoption third = adoption.asOf(q, DAY);
        assertThat(third.total()).isEqualTo(second.total());

        // with the cube off (the benchmarks' naive aggregation) nothing is cached
        adoption.cube().enabled(false);
        try {
            assertThat(adoption.asOf(q, DAY)).isNotSameAs(adoption.asOf(q, DAY));
        } finally {
            adoption.cube().enabled(true);
        }
        assertThat(Map.of("weekly", adoption.weekly(q, DAY.minusWeeks(2), DAY, AdoptionService.Sample.ALL)))
                .containsKey("weekly");
    }

    /**
     * An answer computed from other cached answers (a weekly series reads the newest day) is computed outside the
     * cache's map: nested inside the map's own update, ConcurrentHashMap refuses it ("Recursive update") whenever the
     * two keys share a bin — which CI met once in 551 tests.
     */
    @Test
    void anAnswerComputedFromOtherCachedAnswersIsNotARecursiveUpdate() {
        FigureCache cache = new FigureCache(client, indices);
        // chains of 40 answers each computed from the next: every key waits in the map while the next is computed,
        // so the old code met a shared bin many times over in these 1,600 keys
        for (int chain = 0; chain < 40; chain++) {
            assertThat(nested(cache, java.util.UUID.randomUUID().toString(), 40))
                    .isEqualTo(40);
        }
        String kept = "kept";
        assertThat(nested(cache, kept, 3)).isEqualTo(3);
        assertThat((Integer) cache.get(List.of(kept, 3), () -> -1)).isEqualTo(3);
    }

    static int nested(FigureCache cache, String chain, int depth) {
        return cache.get(List.of(chain, depth), () -> depth == 0 ? 0 : nested(cache, chain, depth - 1) + 1);
    }

    @Test
    void aFailedComputationIsNotKept() {
        FigureCache cache = new FigureCache(client, indices);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get(List.of("fails"), () -> {
                    throw new IllegalStateException("store down");
                }))
                .hasMessage("store down");
        assertThat((String) cache.get(List.of("fails"), () -> "recovered")).isEqualTo("recovered");
    }
}
