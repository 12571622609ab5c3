package org.weightscope.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;

/**
 * The explorer's state, as in the URL: metric, dimension, view, origin filter, top, chart, as-of day; with
 * {@code split} a second dimension within each origin (a stacked bar); with {@code chart=series} a weekly series from
 * {@code from} to {@code to}.
 */
record ExplorerState(
        Adoption.Metric metric,
        Adoption.Dimension by,
        Adoption.View view,
        List<String> origins,
        int top,
        String chart,
        LocalDate at,
        Adoption.Dimension split,
        LocalDate from,
        LocalDate to) {

    static final List<String> CHARTS = List.of("bar", "pie", "table", "series");

    static final ExplorerState DEFAULT = new ExplorerState(
            Adoption.Metric.DOWNLOADS_30D,
            Adoption.Dimension.ORIGIN,
            Adoption.View.LINEAGE,
            List.of(),
            15,
            "bar",
            null,
            null,
            null,
            null);

    static ExplorerState from(com.vaadin.flow.router.QueryParameters q) {
        Map<String, List<String>> p = q.getParameters();
        String chart = first(p, "chart", DEFAULT.chart());
        if (!CHARTS.contains(chart)) {
            throw new IllegalArgumentException("unknown chart '" + chart + "' (use " + String.join(", ", CHARTS) + ")");
        }
        int top;
        try {
            top = Integer.parseInt(first(p, "top", "15"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("top must be a number");
        }
        if (top < 1 || top > 100) {
            throw new IllegalArgumentException("top must be between 1 and 100");
        }
        String origin = first(p, "origin", "");
        List<String> origins = origin.isBlank()
                ? List.of()
                : Arrays.stream(origin.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String split = first(p, "split", "");
        Adoption.Dimension by =
                Adoption.Dimension.of(first(p, "by", DEFAULT.by().id()));
        Adoption.Dimension splitBy = split.isBlank() ? null : Adoption.Dimension.of(split);
        if (splitBy != null && (splitBy == Adoption.Dimension.ORIGIN || by != Adoption.Dimension.ORIGIN)) {
            throw new IllegalArgumentException(
                    "split breaks each origin down: use by=origin and split=another dimension");
        }
        return new ExplorerState(
                Adoption.Metric.of(first(p, "metric", DEFAULT.metric().id())),
                by,
                Adoption.View.of(first(p, "view", DEFAULT.view().id())),
                origins,
                top,
                chart,
                day(p, "at"),
                splitBy,
                day(p, "from"),
                day(p, "to"));
    }

    com.vaadin.flow.router.QueryParameters toQuery() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("metric", metric.id());
        p.put("by", by.id());
        p.put("view", view.id());
        if (!origins.isEmpty()) {
            p.put("origin", String.join(",", origins));
        }
        p.put("top", String.valueOf(top));
        p.put("chart", chart);
        if (split != null) {
            p.put("split", split.id());
        }
        if (at != null) {
            p.put("at", at.toString());
        }
        if (from != null) {
            p.put("from", from.toString());
        }
        if (to != null) {
            p.put("to", to.toString());
        }
        return com.vaadin.flow.router.QueryParameters.simple(p);
    }

    Adoption.Query query() {
        return new Adoption.Query(
                metric, by, view, origins.isEmpty() ? Map.of() : Map.of(Adoption.Dimension.ORIGIN, origins), top);
    }

    private static LocalDate day(Map<String, List<String>> p, String key) {
        String text = first(p, key, "");
        try {
            return text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a day as yyyy-mm-dd");
        }
    }

    private static String first(Map<String, List<String>> p, String key, String fallback) {
        List<String> v = p.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }
}
