package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ATOM's RAM v2 on the constructed day-aligned history {@code crawlers/fixtures/constructed/
 * ram-day-aligned-history_constructed.json} (invented numbers, described in that folder's README), against values
 * worked out by hand there.
 */
class RelativeAdoptionTest {

    static final Path FIXTURE = Path.of("crawlers/fixtures/constructed/ram-day-aligned-history_constructed.json");

    static List<Release> constructed() throws Exception {
        JsonNode root = new ObjectMapper().readTree(FIXTURE.toFile());
        List<Release> out = new ArrayList<>();
        for (JsonNode m : root.get("models")) {
            TreeMap<LocalDate, Release.Capture> captures = new TreeMap<>();
            m.path("captures")
                    .properties()
                    .forEach(e -> captures.put(
                            LocalDate.parse(e.getKey()),
                            new Release.Capture(null, e.getValue().asLong())));
            m.path("captures30d")
                    .properties()
                    .forEach(e -> captures.put(
                            LocalDate.parse(e.getKey()),
                            new Release.Capture(e.getValue().asLong(), null)));
            out.add(new Release(
                    m.get("id").asText(),
                    m.get("id").asText(),
                    "constructed",
                    LocalDate.parse(m.get("released").asText()),
                    null,
                    List.of(),
                    null,
                    List.of(),
                    Map.of(),
                    "unknown",
                    "unknown",
                    List.of(),
                    m.get("parameters").isNull() ? null : m.get("parameters").asLong(),
                    List.of(),
                    "constructed",
                    captures.firstKey(),
                    captures));
        }
        return out;
    }

    static List<Double> ram(RelativeAdoption.Curve c) {
        return c.points().stream().map(RelativeAdoption.Point::ram).toList();
    }

    @Test
    void ramOnTheConstructedHistoryIsTheHandWorkedValues() throws Exception {
        Map<String, RelativeAdoption.Curve> curves = RelativeAdoption.curves(constructed(), null);

        // cutoff of class 1-9B by day since release: 10th largest of 11 values (10), of 11 (40), of 10 (1 → kept at 40)
        RelativeAdoption.Curve a01 = curves.get("c:a01");
        assertThat(a01.sizeClass()).isEqualTo("1-9B");
        assertThat(a01.points().stream().map(RelativeAdoption.Point::cutoff)).containsExactly(10L, 40L, 40L);
        assertThat(ram(a01)).containsExactly(1.0, 0.5, 0.5);
        assertThat(a01.partial()).isFalse();

        assertThat(ram(curves.get("c:a10"))).containsExactly(10.0, 5.0);
        // released two days later: its days 0, 1, 2 are Jan 3, 4, 5, aligned by days since release
        RelativeAdoption.Curve a11 = curves.get("c:a11");
        assertThat(a11.points().stream().map(RelativeAdoption.Point::t)).containsExactly(0, 1, 2);
        assertThat(a11.points().get(0).day()).isEqualTo(LocalDate.of(2026, 1, 3));
        assertThat(ram(a11)).containsExactly(0.5, 7.5, 7.75);
        assertThat(a11.latest()).isEqualTo(7.75);

        // first captured two days after its release: days 0 and 1 are missing, not interpolated, and it is partial
        RelativeAdoption.Curve a12 = curves.get("c:a12");
        assertThat(a12.partial()).isTrue();
        assertThat(a12.points()).hasSize(1);
        assertThat(a12.points().get(0).t()).isEqualTo(2);
        assertThat(a12.points().get(0).ram()).isCloseTo(0.025, within(1e-12));

        // alone in 100B+: no cutoff, so no RAM; no parameter count: no size class, no curve
        assertThat(curves.get("c:b01").sizeClass()).isEqualTo("100B+");
        assertThat(ram(curves.get("c:b01"))).containsOnlyNulls();
        assertThat(curves).doesNotContainKey("c:n01");

        // 30-day counts stand for the cumulative count only while t < 30: day 5 is used, day 40 is not
        assertThat(curves.get("c:w01").points().stream().map(RelativeAdoption.Point::t))
                .containsExactly(5);
        assertThat(curves.get("c:w01").points().get(0).downloads()).isEqualTo(700);
    }

    @Test
    void asOfADayOnlyCapturesUpToThatDayCount() throws Exception {
        // as of Jan 2 the class has day 0 and day 1 only; a11 (released Jan 3) is not yet there
        Map<String, RelativeAdoption.Curve> curves = RelativeAdoption.curves(constructed(), LocalDate.of(2026, 1, 2));
        assertThat(curves).doesNotContainKey("c:a11");
        // day 0 now has 10 values (a11 missing): 10th largest is 10; day 1 the same ten models: 20
        assertThat(ram(curves.get("c:a10"))).containsExactly(10.0, 10.0);
        assertThat(ram(curves.get("c:a01"))).containsExactly(1.0, 1.0);
    }

    @Test
    void sizeClassesCoverEveryParameterCountOnce() {
        assertThat(RelativeAdoption.SizeClass.of(999_999_999L).id()).isEqualTo("<1B");
        assertThat(RelativeAdoption.SizeClass.of(1_000_000_000L).id()).isEqualTo("1-9B");
        assertThat(RelativeAdoption.SizeClass.of(9_999_999_999L).id()).isEqualTo("1-9B");
        assertThat(RelativeAdoption.SizeClass.of(10_000_000_000L).id()).isEqualTo("10-99B");
        assertThat(RelativeAdoption.SizeClass.of(100_000_000_000L).id()).isEqualTo("100B+");
        assertThat(RelativeAdoption.SizeClass.of(null)).isNull();
    }

    @Test
    void concentrationIndicesByHand() {
        // shares 0.5, 0.3, 0.2: HHI 0.25 + 0.09 + 0.04 = 0.38; Gini of (2, 3, 5): 2·(1·2 + 2·3 + 3·5)/(3·10) − 4/3
        assertThat(Concentration.hhi(List.of(5.0, 3.0, 2.0))).isCloseTo(0.38, within(1e-12));
        assertThat(Concentration.gini(List.of(5.0, 3.0, 2.0))).isCloseTo(46.0 / 30 - 4.0 / 3, within(1e-12));
        assertThat(Concentration.gini(List.of(4.0, 4.0))).isZero();
        assertThat(Concentration.hhi(List.of(7.0))).isEqualTo(1.0);
    }
}
