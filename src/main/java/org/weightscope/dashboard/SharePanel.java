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
 * Share by origin over time, one point per ISO week on a time axis. Where the models captured change from week to
 * week the panel keeps the same models across the range (a constant sample), so a change of share is not a change of
 * sample; where no model is in every week it shows every week's models and says why. Weeks without a capture are
 * gaps, and "other" is drawn only where there is data.
 */
class SharePanel extends VerticalLayout {

    SharePanel(
            AdoptionService adoption, String dashboard, DashboardDefinition.Panel panel, String title, LocalDate at) {
        setPadding(false);
        setSpacing(false);
        LocalDate end = at != null ? at : adoption.newestDay(panel.metric()).orElse(null);
        Adoption.Query query = new Adoption.Query(panel.metric(), panel.by(), panel.view(), panel.filters(), 100);
        if (end == null) {
            add(new ChartPanel(
                    panel.id(),
                    title,
                    ChartOptions.shareArea(List.of(), Map.of(), k -> k),
                    new Caption(adoption.asOf(query, null))));
            add(note("series.empty"));
            return;
        }
        LocalDate from = end.minusWeeks(panel.weeks());
        AdoptionService.Series series = adoption.weekly(query, from, end, AdoptionService.Sample.ALL);
        String noteText = getTranslation("series.sampleAll");
        String sample = null;
        if (series.sampleChanges()) {
            AdoptionService.Series constant = adoption.weekly(query, from, end, AdoptionService.Sample.CONSTANT);
            long withData = constant.points().stream()
                    .filter(p -> !p.adoption().coverage().empty())
                    .count();
            if (constant.note() == null && withData >= 2) {
                series = constant;
                sample = AdoptionService.Sample.CONSTANT.id();
                noteText = getTranslation("series.sampleConstant", constant.sampleModels());
            } else {
                noteText = getTranslation(
                        "series.noConstant",
                        constant.note() != null ? constant.note() : "fewer than two weeks with data");
            }
        }
        List<AdoptionService.Point> points = series.points();
        WeeklyColumns columns = WeeklyColumns.of(points, panel.top(), Adoption.Figure::share);
        List<String> days = columns.days();
        Map<String, List<Double>> shares = new LinkedHashMap<>(columns.columns());
        // the rest of each week's total, beyond the top keys
        List<Double> other = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double rest = 1;
            for (List<Double> column : columns.columns().values()) rest -= column.get(i) == null ? 0 : column.get(i);
            other.add(points.get(i).adoption().coverage().empty() ? null : Math.max(0, rest));
        }
        shares.put("other", other);
        Adoption last = WeeklyColumns.lastWithData(points);
        add(new ChartPanel(
                panel.id(),
                title,
                ChartOptions.shareArea(days, shares, k -> Numbers.label(k, this)),
                new Caption(last),
                Publications.series(dashboard, panel, query, from, end, sample, days, shares, this)));
        Paragraph note = new Paragraph(noteText);
        note.setId(panel.id() + "-sample");
        note.addClassName("series-note");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(note);
    }

    private Paragraph note(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassName("series-note");
        return p;
    }
}
