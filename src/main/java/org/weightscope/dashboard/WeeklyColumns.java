package org.weightscope.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/**
 * A weekly series as columns, the way the series charts and tables show it: the {@code top} keys with the
 * largest sum over the weeks, largest first, and per key one figure a week (0 where the key has none that week,
 * null in a week with no captures at all: a gap, not a zero).
 *
 * @param days    each point's day
 * @param keys    the top keys, largest first
 * @param columns key → its figure per point, in {@code keys} order
 */
record WeeklyColumns(List<String> days, List<String> keys, Map<String, List<Double>> columns) {

    static WeeklyColumns of(List<AdoptionService.Point> points, int top, ToDoubleFunction<Adoption.Figure> figure) {
        Map<String, Double> totals = new HashMap<>();
        points.forEach(
                p -> p.adoption().figures().forEach(f -> totals.merge(f.key(), figure.applyAsDouble(f), Double::sum)));
        List<String> keys = totals.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(top)
                .map(Map.Entry::getKey)
                .toList();
        List<String> days = new ArrayList<>();
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        keys.forEach(k -> columns.put(k, new ArrayList<>()));
        for (AdoptionService.Point p : points) {
            days.add(p.day().toString());
            boolean empty = p.adoption().coverage().empty();
            for (String k : keys) {
                double v = p.adoption().figures().stream()
                        .filter(f -> f.key().equals(k))
                        .mapToDouble(figure)
                        .findFirst()
                        .orElse(0);
                columns.get(k).add(empty ? null : v);
            }
        }
        return new WeeklyColumns(days, keys, columns);
    }

    /** The newest point with captures (the series' caption and definition), else the newest point. */
    static Adoption lastWithData(List<AdoptionService.Point> points) {
        return points.stream()
                .map(AdoptionService.Point::adoption)
                .filter(a -> !a.coverage().empty())
                .reduce((a, b) -> b)
                .orElse(points.getLast().adoption());
    }
}
