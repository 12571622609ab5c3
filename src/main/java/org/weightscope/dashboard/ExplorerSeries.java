package org.weightscope.dashboard;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/**
 * The explorer's series: the metric by the dimension over a date range, one point per week, a line per top key with
 * gaps where a week has no capture, a time slider, and the same figures as a table and from the API.
 */
final class ExplorerSeries {

    private ExplorerSeries() {}

    static void render(VerticalLayout result, AdoptionService adoption, ExplorerState state, ExplorerView in) {
        LocalDate newest = adoption.newestDay(state.metric()).orElse(null);
        LocalDate to = state.to() != null ? state.to() : newest;
        if (to == null) {
            result.add(new Paragraph(in.getTranslation("series.empty")));
            return;
        }
        LocalDate from = state.from() != null ? state.from() : to.minusWeeks(104);
        if (from.isAfter(to)) {
            LocalDate t = from;
            from = to;
            to = t;
        }
        Adoption.Query query = new Adoption.Query(
                state.metric(), state.by(), state.view(), state.query().filters(), 100);
        AdoptionService.Series series = adoption.weekly(query, from, to, AdoptionService.Sample.ALL);
        if (series.points().isEmpty()) {
            result.add(new Paragraph(in.getTranslation("series.empty")));
            return;
        }
        Map<String, Double> totals = new HashMap<>();
        series.points()
                .forEach(p -> p.adoption().figures().forEach(f -> totals.merge(f.key(), f.value(), Double::sum)));
        List<String> keys = totals.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(state.top())
                .map(Map.Entry::getKey)
                .toList();
        List<String> days = new ArrayList<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        keys.forEach(k -> values.put(k, new ArrayList<>()));
        for (AdoptionService.Point p : series.points()) {
            days.add(p.day().toString());
            boolean empty = p.adoption().coverage().empty();
            for (String k : keys) {
                double v = p.adoption().figures().stream()
                        .filter(f -> f.key().equals(k))
                        .mapToDouble(Adoption.Figure::value)
                        .findFirst()
                        .orElse(0);
                values.get(k).add(empty ? null : v);
            }
        }
        List<String> header = new ArrayList<>(List.of(in.getTranslation("publish.week")));
        keys.forEach(k -> header.add(Numbers.label(k, in)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            List<String> row = new ArrayList<>(List.of(days.get(i)));
            for (List<Double> v : values.values()) {
                row.add(
                        v.get(i) == null
                                ? in.getTranslation("headline.noData")
                                : Numbers.integer(v.get(i), Links.locale()));
            }
            rows.add(row);
        }
        Adoption last = series.points().stream()
                .map(AdoptionService.Point::adoption)
                .filter(a -> !a.coverage().empty())
                .reduce((a, b) -> b)
                .orElse(series.points().get(series.points().size() - 1).adoption());
        ExplorerState shown = new ExplorerState(
                state.metric(), state.by(), state.view(), state.origins(), state.top(), "series", null, null, from, to);
        Map<String, String> permalink = new LinkedHashMap<>();
        shown.toQuery().getParameters().forEach((k, v) -> permalink.put(k, v.get(0)));
        String title = in.getTranslation("metric." + state.metric().id()) + " · "
                + in.getTranslation("dimension." + state.by().id()) + " · " + from + " – " + to;
        result.add(new ChartPanel(
                "explorer-chart",
                title,
                ChartOptions.lines(days, values, k -> Numbers.label(k, in), state.by() == Adoption.Dimension.ORIGIN),
                new Caption(last),
                new Publication(
                        header,
                        rows,
                        Links.series(query, from, to, null, "csv"),
                        Links.series(query, from, to, null, null),
                        Links.permalink("/explore", permalink, in),
                        null)));
        result.add(new Paragraph(in.definition(state.metric(), last.definition())));
    }
}
