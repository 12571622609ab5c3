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
        Map<String, Double> totals = new HashMap<>();
        points.forEach(p -> p.adoption().figures().forEach(f -> totals.merge(f.key(), f.share(), Double::sum)));
        List<String> keys = totals.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(panel.top())
                .map(Map.Entry::getKey)
                .toList();
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        keys.forEach(k -> shares.put(k, new ArrayList<>()));
        shares.put("other", new ArrayList<>());
        List<String> days = new ArrayList<>();
        for (AdoptionService.Point p : points) {
            days.add(p.day().toString());
            boolean empty = p.adoption().coverage().empty();
            double other = 1;
            for (String k : keys) {
                double share = p.adoption().figures().stream()
                        .filter(f -> f.key().equals(k))
                        .mapToDouble(Adoption.Figure::share)
                        .findFirst()
                        .orElse(0);
                shares.get(k).add(empty ? null : share);
                other -= share;
            }
            shares.get("other").add(empty ? null : Math.max(0, other));
        }
        Adoption last = points.stream()
                .map(AdoptionService.Point::adoption)
                .filter(a -> !a.coverage().empty())
                .reduce((a, b) -> b)
                .orElse(points.get(points.size() - 1).adoption());
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
