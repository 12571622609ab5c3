package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;

/**
 * The cube answers exactly what the naive aggregation over the snapshots answers, for every kind of query the
 * views and the API ask without a per-model filter, on days with and without captures, over the recordings
 * (imported at start-up: the incremental path builds the recorded days), then after a full rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class AdoptionCubeTest extends IntegrationTest {

    @Autowired
    AdoptionService adoption;

    @Autowired
    AdoptionCube cube;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Autowired
    org.weightscope.storage.Indices indices;

    static List<Adoption.Query> queries() {
        List<Adoption.Query> out = new ArrayList<>();
        for (Adoption.Metric m : Adoption.Metric.values()) {
            if (!m.aggregated() && m != Adoption.Metric.CONCENTRATION) {
                // the other metrics are counted from the catalogue or over given models, never from the cube: the
                // cube on and off would run the same code twice
                continue;
            }
            for (Adoption.Dimension d : Adoption.Dimension.values()) {
                for (Adoption.View v : Adoption.View.values()) {
                    out.add(new Adoption.Query(m, d, v, Map.of(), 10));
                }
            }
        }
        out.add(new Adoption.Query(
                Adoption.Metric.DOWNLOADS_30D,
                Adoption.Dimension.ORGANISATION,
                Adoption.View.LINEAGE,
                Map.of(Adoption.Dimension.ORIGIN, List.of("CN", "US")),
                15));
        out.add(new Adoption.Query(
                Adoption.Metric.MODELS,
                Adoption.Dimension.ORIGIN,
                Adoption.View.UPLOADER,
                Map.of(Adoption.Dimension.LICENCE_CLASS, List.of("open-source")),
                10));
        out.add(new Adoption.Query(
                Adoption.Metric.DOWNLOADS_30D,
                Adoption.Dimension.SECTOR,
                Adoption.View.UPLOADER,
                Map.of(Adoption.Dimension.HARDWARE_CLASS, List.of("consumer-gpu", "edge")),
                10));
        return out;
    }

    static List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        // recorded days, the days right after them (inside and beyond the window), and days far from any capture
        for (LocalDate d = LocalDate.of(2024, 11, 20); d.isBefore(LocalDate.of(2024, 12, 25)); d = d.plusDays(1))
            out.add(d);
        for (LocalDate d = LocalDate.of(2026, 2, 25); d.isBefore(LocalDate.of(2026, 9, 5)); d = d.plusDays(6))
            out.add(d);
        out.add(LocalDate.of(2025, 6, 1));
        return out;
    }

    @Test
    void incrementalCubeAndRebuiltCubeAnswerAsTheSnapshots() {
        compareAll(true);
        int built = cube.rebuild();
        assertThat(built).isGreaterThan(600); // 2024-11-25 … 2026-08-28, every day
        compareAll(false);
    }

    /**
     * While a crawl writes a day the cube does not hold, the figures that name no day stay on the newest day it holds:
     * read from the cube (not one cube document written for the request) and labelled with that day. Once the cube is
     * rebuilt they move on to the crawled day. Before, every such request grouped that day's snapshots for itself: at
     * catalogue scale, minutes per request for the whole of a daily crawl.
     */
    @Test
    void whileACrawlWritesItsDayTheFiguresStayOnTheNewestBuiltDay() throws Exception {
        Adoption.Query q =
                Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE);
        LocalDate newest = adoption.newestDay(q.metric()).orElseThrow();
        Adoption complete = adoption.asOf(q, newest);
        assertThat(cube.holds(newest)).isTrue();
        // the newest day before it the cube holds, found day by day
        LocalDate previous = newest.minusDays(1);
        while (!cube.holds(previous)) {
            assertThat(previous).isAfter(LocalDate.of(2024, 1, 1));
            previous = previous.minusDays(1);
        }
        Adoption expected = adoption.asOf(q, previous);
        cube.touched(newest); // what a crawl's first page of that day does before it writes
        try {
            assertThat(cube.holds(newest)).isFalse();
            assertThat(adoption.newestDay(q.metric())).contains(previous);
            long written = cubeWrites();
            Adoption during = adoption.asOf(q, null);
            assertThat(cubeWrites())
                    .as("cube documents written for the request")
                    .isEqualTo(written);
            assertThat(during.at()).isEqualTo(previous);
            same(during, expected, "during the crawl");
        } finally {
            cube.update(); // the crawl's end
        }
        assertThat(adoption.newestDay(q.metric())).contains(newest);
        same(adoption.asOf(q, null), complete, "after the crawl");
    }

    /**
     * The same with two instances on one store: while another instance writes a day (its lease in the cube), this one
     * neither moves its figures onto that day nor builds it from the half-written crawl when asked about it by name;
     * once the writer has rebuilt the day and given its lease up, both do.
     */
    @Test
    void whileAnotherInstanceWritesADayThisOneNeitherShowsNorBuildsIt(
            @Autowired AttributionRules rules,
            @Autowired FigureCache figures,
            @Autowired AttributionVersions versions,
            @Autowired java.time.Clock clock) {
        Adoption.Query q =
                Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE);
        LocalDate newest = adoption.newestDay(q.metric()).orElseThrow();
        Adoption complete = adoption.asOf(q, newest);
        AdoptionCube other = new AdoptionCube(
                client,
                indices,
                rules,
                java.util.Optional.of(adoption.figureSettings()),
                true,
                figures,
                versions,
                clock);
        other.touched(newest); // the other instance's crawl writes its first page of that day
        try {
            assertThat(adoption.newestDay(q.metric()).orElseThrow()).isBefore(newest);
            Adoption named = adoption.asOf(q, newest); // asked by name: grouped for the request, not built
            same(named, complete, "asked by name during the other's crawl");
            assertThat(cube.holds(newest)).isFalse();
        } finally {
            other.update(); // the other instance's crawl ends
        }
        assertThat(cube.holds(newest)).isTrue();
        assertThat(adoption.newestDay(q.metric())).contains(newest);
    }

    private long cubeWrites() throws java.io.IOException {
        return client.indices()
                .stats(x -> x.index(indices.alias(AdoptionCube.NAME)).metric("indexing"))
                .all()
                .primaries()
                .indexing()
                .indexTotal();
    }

    private void compareAll(boolean onlyWhereBuilt) {
        LocalDate newest = adoption.newestDay(Adoption.Metric.DOWNLOADS_30D).orElseThrow();
        // a rebuild builds every day to the window's end after the newest capture; later days come from the snapshots
        LocalDate lastBuilt = adoption.newestDay(Adoption.Metric.MODELS)
                .orElseThrow()
                .plusDays(adoption.figureSettings().freshnessDays() - 1L);
        int fromCube = 0;
        for (Adoption.Query q : queries()) {
            // every day grouped from the snapshots for this question alone (one request: the cube's naive counterpart)
            Map<LocalDate, AdoptionResult> naiveDays =
                    q.metric().aggregated() ? cube.ofModels(q, days(), null).results() : Map.of();
            // an anchor's metric is computed by its own rule from the same groups: a few days suffice
            List<LocalDate> compared = q.metric().aggregated()
                    ? days()
                    : List.of(
                            LocalDate.of(2024, 11, 20), LocalDate.of(2024, 11, 25), LocalDate.of(2024, 12, 11), newest);
            for (LocalDate day : compared) {
                Adoption naive = q.metric().aggregated()
                        ? adoption.answer(q, day, naiveDays.get(day), "")
                        : naive(() -> adoption.asOf(q, day)); // an anchor's metric, computed by its own rule
                boolean held = cube.holds(day);
                if (held) fromCube++;
                if (!held && !onlyWhereBuilt && !day.isAfter(lastBuilt)) {
                    throw new AssertionError("cube lacks " + day + " after a rebuild");
                }
                same(adoption.asOf(q, day), naive, q + " at " + day);
            }
            if (q.by() != Adoption.Dimension.ORIGIN) {
                for (LocalDate day : List.of(newest, LocalDate.of(2024, 12, 11), LocalDate.of(2026, 8, 19))) {
                    Adoption.Query originQuery =
                            new Adoption.Query(q.metric(), Adoption.Dimension.ORIGIN, q.view(), q.filters(), q.top());
                    var a = adoption.crossByOrigin(originQuery, q.by(), day);
                    var b = naive(() -> adoption.crossByOrigin(originQuery, q.by(), day));
                    assertThat(a.keySet()).as("cross " + q + " " + day).containsExactlyElementsOf(b.keySet());
                    a.forEach((k, byCountry) -> {
                        assertThat(byCountry.keySet())
                                .containsExactlyInAnyOrderElementsOf(b.get(k).keySet());
                        byCountry.forEach(
                                (c, v) -> assertThat(v).isCloseTo(b.get(k).get(c), within(1e-6)));
                    });
                }
            }
        }
        assertThat(fromCube).isPositive();
        for (AdoptionService.Sample sample : AdoptionService.Sample.values()) {
            Adoption.Query q =
                    Adoption.Query.of(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE);
            var a = adoption.weekly(q, LocalDate.of(2026, 1, 1), newest, sample);
            var b = naive(() -> adoption.weekly(q, LocalDate.of(2026, 1, 1), newest, sample));
            assertThat(a.sample()).isEqualTo(b.sample());
            assertThat(a.sampleChanges()).isEqualTo(b.sampleChanges());
            assertThat(a.sampleModels()).isEqualTo(b.sampleModels());
            assertThat(a.points()).hasSameSizeAs(b.points());
            for (int i = 0; i < a.points().size(); i++) {
                same(
                        a.points().get(i).adoption(),
                        b.points().get(i).adoption(),
                        "week " + a.points().get(i).day());
            }
        }
    }

    private <T> T naive(java.util.function.Supplier<T> query) {
        cube.enabled(false);
        try {
            return query.get();
        } finally {
            cube.enabled(true);
        }
    }

    static void same(Adoption a, Adoption b, String what) {
        assertThat(a.coverage()).as(what + " coverage").isEqualTo(b.coverage());
        assertThat(a.asOf()).as(what + " as of").isEqualTo(b.asOf());
        assertThat(a.total()).as(what + " total").isCloseTo(b.total(), within(1e-6));
        assertThat(a.figures().stream().map(Adoption.Figure::key).toList())
                .as(what + " keys")
                .containsExactlyElementsOf(
                        b.figures().stream().map(Adoption.Figure::key).toList());
        for (int i = 0; i < a.figures().size(); i++) {
            assertThat(a.figures().get(i).value())
                    .as(what)
                    .isCloseTo(b.figures().get(i).value(), within(1e-6));
            assertThat(a.figures().get(i).share())
                    .as(what)
                    .isCloseTo(b.figures().get(i).share(), within(1e-9));
        }
    }
}
