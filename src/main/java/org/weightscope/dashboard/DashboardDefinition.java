package org.weightscope.dashboard;

import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;

/**
 * One dashboard file ({@code dashboards/<id>.yaml}), validated.
 *
 * @param title per language ({@code en}, {@code zh}); {@code en} is required
 */
record DashboardDefinition(String id, Map<String, String> title, Map<String, String> description, List<Panel> panels) {

    /**
     * One chart: a metric broken down by a dimension, in an origin view.
     *
     * @param split  for {@code stacked-bar}: the second dimension (origin × split)
     * @param chart  {@code bar}, {@code pie}, {@code stacked-bar}, {@code table}, {@code area} (share over time,
     *               weekly, from the daily snapshots) or {@code headline} (share now and a month ago, both views)
     * @param weeks  time range of an {@code area} panel
     */
    record Panel(
            String id,
            Map<String, String> title,
            Adoption.Metric metric,
            Adoption.Dimension by,
            Adoption.View view,
            Adoption.Dimension split,
            String chart,
            Map<Adoption.Dimension, List<String>> filters,
            int top,
            int weeks) {

        Adoption.Query query() {
            return new Adoption.Query(metric, by, view, filters, top);
        }
    }

    static String text(Map<String, String> texts, java.util.Locale locale) {
        String lang = locale == null ? "en" : locale.getLanguage();
        return texts.getOrDefault(lang, texts.get("en"));
    }
}
