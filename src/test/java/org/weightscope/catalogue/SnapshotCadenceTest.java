package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.shared.HubFigures;
import org.weightscope.storage.Indices;

/**
 * The snapshot cadence and the timeline a daily crawl builds without searching the snapshots: the 50 models of a
 * recorded list page observed on consecutive days, those under 100,000 downloads snapshotted weekly
 * ({@code daily-from-downloads}), the others daily; one model seen removed and listed again; then retention.
 * Expected values are worked out here from the page, not read back from the app's own rule.
 */
@SpringBootTest(
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.snapshots.daily-from-downloads=" + SnapshotCadenceTest.THRESHOLD,
            "weightscope.snapshots.retention-months=2"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotCadenceTest extends IntegrationTest {

    static final long THRESHOLD = 100_000;
    static final Path PAGE = Path.of("crawlers/fixtures/huggingface/api-models_limit50_trending_2024-12-09.json");
    static final LocalDate DAY1 = LocalDate.of(2024, 12, 9);

    @Autowired
    CatalogueHistory history;

    @Autowired
    AdoptionService adoption;

    @Autowired
    Indices indices;

    static final Map<String, Long> downloads = new TreeMap<>();

    List<CatalogueService.Observation> page(LocalDate day, String without) throws Exception {
        JsonNode items = new ObjectMapper().readTree(PAGE.toFile());
        List<CatalogueService.Observation> batch = new ArrayList<>();
        Map<String, ModelFacts> facts = Fixtures.readHfArray(PAGE);
        for (JsonNode item : items) {
            String id = item.get("id").asText();
            if (id.equals(without)) continue;
            downloads.put("hf:" + id, item.get("downloads").asLong());
            batch.add(new CatalogueService.Observation(
                    facts.get(id),
                    new HubFigures(null, null, null, null, item.get("downloads").asLong(), null, 0L),
                    day.atTime(4, 0).toInstant(ZoneOffset.UTC),
                    false,
                    "cadence-test"));
        }
        return batch;
    }

    static String removedId;

    @Test
    @Order(1)
    void theLongTailIsSnapshottedWeeklyAndStillCountedEveryDay() throws Exception {
        for (int d = 0; d < 9; d++) {
            LocalDate day = DAY1.plusDays(d);
            List<CatalogueService.Observation> batch = page(day, null);
            long searches = d == 0 ? 0 : snapshotSearches();
            history.apply(batch, day, "cadence-" + d);
            if (d > 0) {
                // a daily crawl's page places its snapshots from the models index alone: no search of the snapshots
                assertThat(snapshotSearches())
                        .as("snapshot searches by the page of day " + d)
                        .isEqualTo(searches);
            }
            history.refresh();
        }
        long daily = downloads.values().stream().filter(v -> v >= THRESHOLD).count();
        long weekly = downloads.size() - daily;
        assertThat(daily).as("models snapshotted daily").isPositive();
        assertThat(weekly).as("models snapshotted weekly").isPositive();
        // daily: 9 snapshots each; weekly: day 1 and day 8
        assertThat(history.snapshotCount()).isEqualTo(daily * 9 + weekly * 2);
        for (var e : downloads.entrySet()) {
            List<ModelSnapshot> s = history.snapshots(e.getKey(), 20);
            if (e.getValue() >= THRESHOLD) {
                assertThat(s).extracting(ModelSnapshot::day).hasSize(9);
                for (int i = 0; i < 8; i++) {
                    assertThat(s.get(i).until())
                            .as(e.getKey())
                            .isEqualTo(s.get(i + 1).day());
                }
            } else {
                assertThat(s).extracting(ModelSnapshot::day).containsExactly(DAY1, DAY1.plusDays(7));
                assertThat(s.get(0).until()).as(e.getKey()).isEqualTo(DAY1.plusDays(7));
            }
            assertThat(s.getLast().until()).as(e.getKey() + " newest").isNull();
        }
        // every day, cube and snapshots alike, counts all 50 models and leaves none out as stale
        for (boolean cube : new boolean[] {true, false}) {
            adoption.cube().enabled(cube);
            for (int d = 0; d < 9; d++) {
                Adoption a = adoption.asOf(
                        Adoption.Query.of(Adoption.Metric.MODELS, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER),
                        DAY1.plusDays(d));
                assertThat(a.coverage().models()).as("models as of day " + d).isEqualTo(50);
                assertThat(a.coverage().leftOutStale()).isZero();
                assertThat(a.total()).isEqualTo(50.0);
            }
        }
        adoption.cube().enabled(true);
    }

    @Test
    @Order(2)
    void aModelSeenRemovedStopsCountingAndCountsAgainWhenListedAgain() throws Exception {
        // the most downloaded model is snapshotted daily: gone from the complete crawl of day 10, back on day 12
        removedId = downloads.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        LocalDate day10 = DAY1.plusDays(9);
        Instant crawlStart = day10.atTime(4, 0).toInstant(ZoneOffset.UTC);
        history.apply(page(day10, removedId.substring(3)), day10, "cadence-9");
        history.refresh();
        assertThat(history.recordRemovals("huggingface", crawlStart, day10, "cadence-9"))
                .isEqualTo(1);
        history.refresh();
        LocalDate day11 = day10.plusDays(1);
        history.apply(page(day11, removedId.substring(3)), day11, "cadence-10");
        history.refresh();
        LocalDate day12 = day11.plusDays(1);
        history.apply(page(day12, null), day12, "cadence-11");
        history.refresh();

        List<ModelSnapshot> s = history.snapshots(removedId, 20);
        ModelSnapshot beforeRemoval = s.get(s.size() - 2);
        assertThat(beforeRemoval.day()).isEqualTo(DAY1.plusDays(8));
        assertThat(beforeRemoval.until())
                .as("ended by the removal, not by the next capture")
                .isEqualTo(day10);
        assertThat(s.getLast().day()).isEqualTo(day12);
        for (boolean cube : new boolean[] {true, false}) {
            adoption.cube().enabled(cube);
            assertThat(models(day10)).as("day 10, cube " + cube).isEqualTo(49);
            assertThat(models(day11)).as("day 11, cube " + cube).isEqualTo(49);
            assertThat(models(day12)).as("day 12, cube " + cube).isEqualTo(50);
        }
        adoption.cube().enabled(true);
    }

    @Test
    @Order(3)
    void retentionDropsTheMonthsPastItAfterACompleteCrawl() throws Exception {
        LocalDate march = LocalDate.of(2025, 3, 2);
        history.apply(page(march, null), march, "cadence-march");
        history.refresh();
        // kept: January 2025 on (two months before March); the December 2024 month goes
        assertThat(history.applyRetention(march)).containsExactly(indices.indexFor("snapshots", DAY1));
        history.refresh();
        assertThat(history.snapshots(removedId, 20))
                .extracting(ModelSnapshot::day)
                .containsExactly(march);
        assertThat(history.applyRetention(march)).isEmpty();
    }

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    private long snapshotSearches() throws java.io.IOException {
        return client.indices()
                .stats(x -> x.index(indices.prefix() + "-snapshots-*"))
                .all()
                .total()
                .search()
                .queryTotal();
    }

    private double models(LocalDate day) {
        return adoption.asOf(
                        Adoption.Query.of(Adoption.Metric.MODELS, Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER),
                        day)
                .total();
    }
}
