package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Indices;

/**
 * Shares of a metric by a dimension in either origin view — the numbers behind the dashboard, the API
 * and the exposure report. Each answer states its as-of time, metric definition and attribution rule.
 */
@Service
public class AdoptionService {

    private final AdoptionIndex index;
    private final Indices indices;
    private final AttributionRules rules;

    AdoptionService(AdoptionIndex index, Indices indices, AttributionRules rules) {
        this.index = index;
        this.indices = indices;
        this.rules = rules;
    }

    /** Over the latest state of every model (each model's newest capture). */
    public Adoption latest(Adoption.Query query) {
        return answer(query, index.aggregate(indices.alias(ModelsIndex.NAME), query, null));
    }

    /** Over the models of one hub (e.g. one recorded list page loaded into the catalogue). */
    public Adoption latest(Adoption.Query query, Query scope) {
        return answer(query, index.aggregate(indices.alias(ModelsIndex.NAME), query, scope));
    }

    /**
     * Origin × another dimension over the latest state (e.g. origin × hardware class): split key → country →
     * value, in the query's view; a model in several sectors counts in each sector.
     */
    public java.util.Map<String, java.util.Map<String, Double>> crossByOrigin(Adoption.Query query,
            Adoption.Dimension split) {
        if (split == Adoption.Dimension.ORIGIN) {
            throw new IllegalArgumentException("split by another dimension than origin");
        }
        return index.cross(indices.alias(ModelsIndex.NAME), query, split);
    }

    /** One point of a series: the snapshot day it was computed on, and the figures of that day. */
    public record Point(java.time.LocalDate day, Adoption adoption) {}

    /**
     * The query over time from the daily snapshots: one point per ISO week in [from, to], computed on the
     * newest snapshot day of that week (30-day downloads are a rolling window: summing days would count a
     * model several times, so a week is represented by one day, never summed).
     */
    public List<Point> weekly(Adoption.Query query, java.time.LocalDate from, java.time.LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        String snapshots = indices.alias(SnapshotsIndex.NAME);
        java.util.Map<String, java.time.LocalDate> lastDayOfWeek = new java.util.TreeMap<>();
        for (java.time.LocalDate day : index.days(snapshots, from, to)) {
            lastDayOfWeek.merge(weekOf(day), day, (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Point> points = new java.util.ArrayList<>();
        index.onDays(snapshots, query, List.copyOf(lastDayOfWeek.values()))
                .forEach((day, r) -> points.add(new Point(day, answer(query, r))));
        return points;
    }

    /** The newest day with snapshots on or before {@code day}, if any. */
    public java.util.Optional<java.time.LocalDate> latestSnapshotDay(java.time.LocalDate day) {
        List<java.time.LocalDate> days = index.days(indices.alias(SnapshotsIndex.NAME), day.minusYears(5), day);
        return days.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(days.get(days.size() - 1));
    }

    /** The query on one snapshot day. */
    public Adoption onDay(Adoption.Query query, java.time.LocalDate day) {
        return answer(query, index.onDays(indices.alias(SnapshotsIndex.NAME), query, List.of(day)).get(day));
    }

    static String weekOf(java.time.LocalDate day) {
        return day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The rule version figures are computed with. */
    public String ruleVersion() {
        return rules.version();
    }

    private Adoption answer(Adoption.Query q, AdoptionIndex.Result r) {
        String definition = q.metric().definition() + " Origin view '" + q.view().id() + "': "
                + (q.view() == Adoption.View.UPLOADER
                        ? "the country of the organisation owning the repository's namespace."
                        : "the country of the developer of the root(s) of the model's base-model lineage.")
                + " Unknown organisations are 'unattributed', never guessed.";
        return new Adoption(q.metric().id(), q.metric().version(), q.by().id(), q.view().id(), r.asOf(), r.total(),
                r.figures(), definition, rules.version());
    }
}
