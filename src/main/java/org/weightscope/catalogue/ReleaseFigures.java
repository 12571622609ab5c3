package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A query's figures over a set of models held in memory, with the same keys and filter semantics as the snapshot
 * aggregation ({@link AdoptionIndex}): origin by credit share in the view, organisation by the uploader's org or
 * the lineage's developer orgs (each counted whole, as a terms aggregation does), sectors each counted whole.
 */
final class ReleaseFigures {

    /** A result over no model. */
    static final AdoptionIndex.Result NONE =
            new AdoptionIndex.Result(0, List.of(), null, 0, 0, null, null, 0, Map.of(), null, 0, Set.of());

    private ReleaseFigures() {}

    /** Whether a model passes the query's filters. */
    static boolean accepts(Release r, Adoption.Query q) {
        for (Map.Entry<Adoption.Dimension, List<String>> f : q.filters().entrySet()) {
            if (keys(r, f.getKey(), q.view()).keySet().stream().noneMatch(f.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The model's keys in a dimension with the fraction of it each key is credited with. */
    static Map<String, Double> keys(Release r, Adoption.Dimension d, Adoption.View view) {
        Map<String, Double> out = new LinkedHashMap<>();
        switch (d) {
            case ORIGIN -> {
                Map<String, Double> credit = r.credit().get(view.id());
                if (credit == null || credit.isEmpty()) out.put(Attribution.UNATTRIBUTED, 1.0);
                else out.putAll(credit);
            }
            case ORGANISATION -> {
                List<String> orgs = view == Adoption.View.UPLOADER
                        ? (r.uploaderOrg() == null ? List.of() : List.of(r.uploaderOrg()))
                        : r.developerOrgs();
                if (orgs.isEmpty()) out.put(Attribution.UNATTRIBUTED, 1.0);
                orgs.forEach(o -> out.put(o, 1.0));
            }
            case SECTOR -> r.sectors().forEach(s -> out.put(s, 1.0));
            case HARDWARE_CLASS -> out.put(orUnknown(r.hardwareClass()), 1.0);
            case LICENCE_CLASS -> out.put(orUnknown(r.licenceClass()), 1.0);
            case HUB -> out.put(orUnknown(r.hub()), 1.0);
        }
        return out;
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }

    /**
     * The figures of {@code counted} by the query's dimension, each model contributing {@code weight} (1 for a
     * count) split by its credit; {@code counts} rounds to two decimals (merges split), else to whole downloads.
     */
    static AdoptionIndex.Result result(
            Collection<Release> counted, Adoption.Query q, ToDoubleFunction<Release> weight, boolean counts) {
        if (counted.isEmpty()) {
            return NONE;
        }
        Map<String, Double> byKey = new LinkedHashMap<>();
        Map<String, Long> sources = new LinkedHashMap<>();
        double total = 0;
        String top = null;
        double topValue = -1;
        LocalDate from = null;
        LocalDate to = null;
        for (Release r : counted) {
            double w = weight.applyAsDouble(r);
            boolean origin = q.by() == Adoption.Dimension.ORIGIN;
            keys(r, q.by(), q.view()).forEach((k, share) -> byKey.merge(k, w * (origin ? share : 1), Double::sum));
            total += w;
            if (w > topValue) {
                topValue = w;
                top = r.modelId();
            }
            if (r.source() != null) sources.merge(r.source(), 1L, Long::sum);
            LocalDate seen = r.firstSeen();
            if (seen != null) {
                from = from == null || seen.isBefore(from) ? seen : from;
                to = to == null || seen.isAfter(to) ? seen : to;
            }
        }
        double sum = total;
        List<Adoption.Figure> figures = new ArrayList<>();
        byKey.forEach((k, v) -> figures.add(new Adoption.Figure(k, round(v, counts), sum == 0 ? 0 : v / sum)));
        figures.sort((a, b) -> Double.compare(b.value(), a.value()));
        List<Adoption.Figure> shown = figures.size() > q.top() ? figures.subList(0, q.top()) : figures;
        return new AdoptionIndex.Result(
                round(total, counts),
                List.copyOf(shown),
                null,
                counted.size(),
                counts ? 0 : Math.round(total),
                from,
                to,
                0,
                sources,
                counts ? null : top,
                counts ? 0 : topValue,
                Set.of());
    }

    static double round(double v, boolean counts) {
        return counts ? Math.round(v * 100) / 100.0 : Math.round(v);
    }
}
