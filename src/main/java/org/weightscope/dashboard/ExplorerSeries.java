package org.weightscope.dashboard;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.ArrayList;
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
        WeeklyColumns columns = WeeklyColumns.of(series.points(), state.top(), Adoption.Figure::value);
        List<String> days = columns.days();
        List<String> keys = columns.keys();
        Map<String, List<Double>> values = columns.columns();
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
        Adoption last = WeeklyColumns.lastWithData(series.points());
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
