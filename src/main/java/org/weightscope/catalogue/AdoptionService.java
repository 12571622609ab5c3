package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Indices;

/**
 * Shares of a metric by a dimension in either origin view, as of a day — the one source of the numbers behind
 * the dashboard, the explorer, the API and the exposure report, so the same question gets the same answer
 * everywhere. Each answer states the day it stands for, its coverage, metric definition and attribution rule.
 */
@Service
public class AdoptionService {

    private final AdoptionIndex index;
    private final Indices indices;
    private final AttributionRules rules;
    private final FigureSettings settings;
    private final AdoptionCube cube;
    private final FigureCache figures;
    private final WeeklySeries series;
    private final org.springframework.beans.factory.ObjectProvider<AnchorMetrics> anchors;

    AdoptionService(
            AdoptionIndex index,
            Indices indices,
            AttributionRules rules,
            Optional<FigureSettings> settings,
            AdoptionCube cube,
            org.springframework.beans.factory.ObjectProvider<AnchorMetrics> anchors,
            FigureCache figures) {
        this.figures = figures;
        this.index = index;
        this.anchors = anchors;
        this.cube = cube;
        this.indices = indices;
        this.rules = rules;
        this.settings = settings.orElse(FigureSettings.defaults());
        this.series = new WeeklySeries(this, index, cube);
    }

    /** How a series picks its models: every model captured in each point's window, or only those in all of them. */
    public enum Sample {
        ALL,
        CONSTANT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** As of the newest day with captures that carry the metric. */
    public Adoption asOf(Adoption.Query query) {
        return asOf(query, null);
    }

    /** As of {@code at} (null: the newest day with captures that carry the metric). */
    public Adoption asOf(Adoption.Query query, LocalDate at) {
        return cached(List.of("asOf", query, String.valueOf(at)), () -> compute(query, at));
    }

    private Adoption compute(Adoption.Query query, LocalDate at) {
        if (!query.metric().aggregated()) {
            return anchors.getObject().asOf(new AnchorMetrics.Options(query, Periods.WEEK, null, null), at);
        }
        LocalDate day = at != null ? at : newestDay(query.metric()).orElse(null);
        if (day == null) {
            return answer(query, null, null, "");
        }
        return answer(query, day, results(query, List.of(day)).get(day), "");
    }

    /** Without a per-model filter: from the cube ({@link AdoptionCube#asOf}). */
    private Map<LocalDate, AdoptionResult> results(Adoption.Query query, List<LocalDate> days) {
        return cube.asOf(query, days).results();
    }

    /** The pre-aggregated adoption cube behind the figures (benchmarks switch it off to compare). */
    public AdoptionCube cube() {
        return cube;
    }

    /**
     * The newest capture day of snapshots that carry the metric; while a crawl is writing a day the cube does not hold
     * yet, the newest day before it the cube holds ({@link AdoptionCube#settled}).
     */
    public Optional<LocalDate> newestDay(Adoption.Metric metric) {
        return cached(
                List.of("newest", metric),
                () -> index.newestDay(alias(), metric, LocalDate.of(9999, 12, 31))
                        .map(cube::settled));
    }

    /**
     * Origin × another dimension as of a day (null: the newest): split key → country → value, in the query's
     * view; a model in several sectors counts in each sector.
     */
    public Map<String, Map<String, Double>> crossByOrigin(
            Adoption.Query query, Adoption.Dimension split, LocalDate at) {
        return cached(List.of("cross", query, split, String.valueOf(at)), () -> cross(query, split, at));
    }

    private Map<String, Map<String, Double>> cross(Adoption.Query query, Adoption.Dimension split, LocalDate at) {
        if (split == Adoption.Dimension.ORIGIN) {
            throw new IllegalArgumentException("split by another dimension than origin");
        }
        LocalDate day = at != null ? at : newestDay(query.metric()).orElse(null);
        return day == null ? Map.of() : cube.cross(query, split, day);
    }

    /** One point of a series: the day it stands for and the figures as of that day (empty figures: no data). */
    public record Point(LocalDate day, Adoption adoption) {}

    /**
     * A weekly series.
     *
     * @param sample        how its models were picked
     * @param sampleChanges whether the models counted differ between the points with data
     * @param sampleModels  for a constant sample: how many models are in every point with data
     * @param note          why a constant sample could not be drawn, or null
     */
    public record Series(List<Point> points, Sample sample, boolean sampleChanges, int sampleModels, String note) {}

    /**
     * The query over time: one point per ISO week in [from, to], each as of the week's last day (or {@code to}),
     * under the same as-of rule as a single figure. Weeks without a capture in their window are points with no
     * figures (a gap, never a zero). With {@link Sample#CONSTANT} only the models counted in every point with data
     * are kept, so a change of share is not a change of sample.
     */
    public Series weekly(Adoption.Query query, LocalDate from, LocalDate to, Sample sample) {
        return cached(List.of("weekly", query, from, to, sample), () -> weeklyOf(query, from, to, sample));
    }

    /**
     * A series the cube cannot answer reads each point's model ids from the snapshots (up to
     * {@link AdoptionIndex#MAX_SAMPLE} a point): at most two series are computed at once, so many readers at once
     * queue instead of filling the heap.
     */
    private final java.util.concurrent.Semaphore constantSamples = new java.util.concurrent.Semaphore(2);

    private <T> T bounded(java.util.function.Supplier<T> compute) {
        constantSamples.acquireUninterruptibly();
        try {
            return compute.get();
        } finally {
            constantSamples.release();
        }
    }

    private Series weeklyOf(Adoption.Query query, LocalDate from, LocalDate to, Sample sample) {
        if (!query.metric().aggregated() && !from.isAfter(to)) {
            return anchors.getObject().series(new AnchorMetrics.Options(query, Periods.WEEK, null, null), from, to);
        }
        return bounded(() -> series.of(query, from, to, sample));
    }

    /** Answers without a per-model filter are cached while the cube is used ({@link FigureCache}). */
    private <T> T cached(List<Object> key, java.util.function.Supplier<T> compute) {
        return cube.enabled() ? figures.get(key, compute) : compute.get();
    }

    /** The rule version figures are computed with. */
    public String ruleVersion() {
        return rules.version();
    }

    public FigureSettings figureSettings() {
        return settings;
    }

    /** The query as of each day over only {@code onlyModels}, from their snapshots under the as-of rule. */
    Map<LocalDate, AdoptionResult> ofModels(Adoption.Query query, List<LocalDate> days, Collection<String> onlyModels) {
        return cube.ofModels(query, days, onlyModels).results();
    }

    int window() {
        return settings.freshnessDays();
    }

    String snapshotsAlias() {
        return alias();
    }

    private String alias() {
        return indices.alias(SnapshotsIndex.NAME);
    }

    /** The answer of a query from its raw result, with a note on what was left out appended to the definition. */
    Adoption answer(Adoption.Query q, LocalDate at, AdoptionResult r, String note) {
        return new AdoptionAnswer(settings, rules.version()).of(q, at, r, note);
    }
}
