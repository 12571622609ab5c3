package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;

/** Builds each dashboard panel's {@link Publication}: its table, its API answer, permalink and embed route. */
final class Publications {

    private Publications() {}

    /** A figure list (pie, bar, table): key, value, share; the API answer of exactly this figure. */
    static Publication figures(String dashboard, DashboardDefinition.Panel panel, Adoption a, Component in) {
        return new Publication(
                figureHeader(a, in),
                figureRows(a, in),
                Links.adoption(panel.query(), a.at(), "csv"),
                Links.adoption(panel.query(), a.at(), null),
                permalink(dashboard, panel, a.at(), in),
                embed(dashboard, panel, a.at(), in));
    }

    static List<String> figureHeader(Adoption a, Component in) {
        return List.of(
                in.getTranslation("dimension." + a.by()),
                in.getTranslation("metric." + a.metric()),
                in.getTranslation("table.share"));
    }

    static List<List<String>> figureRows(Adoption a, Component in) {
        return a.figures().stream()
                .map(f -> List.of(
                        Numbers.label(f.key(), in),
                        Numbers.integer(f.value(), Links.locale()),
                        Numbers.percent(f.share())))
                .toList();
    }

    /** Origin × split: one row per (origin, split key); no single API answer holds the cross. */
    static Publication cross(
            String dashboard,
            DashboardDefinition.Panel panel,
            LocalDate at,
            Map<String, Map<String, Double>> cross,
            Component in) {
        List<List<String>> rows = new ArrayList<>();
        cross.forEach((split, byCountry) -> byCountry.forEach((country, v) -> {
            if (v > 0) {
                rows.add(List.of(
                        Numbers.label(country, in), Numbers.classLabel(split, in), Numbers.integer(v, Links.locale())));
            }
        }));
        return new Publication(
                List.of(
                        in.getTranslation("dimension.origin"),
                        in.getTranslation("dimension." + panel.split().id()),
                        in.getTranslation("metric." + panel.metric().id())),
                rows,
                null,
                null,
                permalink(dashboard, panel, at, in),
                embed(dashboard, panel, at, in));
    }

    /** A weekly series: one row per week and key; the API series of exactly this chart. */
    static Publication series(
            String dashboard,
            DashboardDefinition.Panel panel,
            Adoption.Query query,
            LocalDate from,
            LocalDate to,
            String sample,
            List<String> days,
            Map<String, List<Double>> shares,
            Component in) {
        List<String> header = new ArrayList<>(List.of(in.getTranslation("publish.week")));
        shares.keySet().forEach(k -> header.add(Numbers.label(k, in)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            List<String> row = new ArrayList<>(List.of(days.get(i)));
            for (List<Double> s : shares.values()) {
                Double v = s.get(i);
                row.add(v == null ? in.getTranslation("headline.noData") : Numbers.percent(v));
            }
            rows.add(row);
        }
        return new Publication(
                header,
                rows,
                Links.series(query, from, to, sample, "csv"),
                Links.series(query, from, to, sample, null),
                permalink(dashboard, panel, to, in),
                embed(dashboard, panel, to, in));
    }

    static String permalink(String dashboard, DashboardDefinition.Panel panel, LocalDate at, Component in) {
        String path = dashboard.equals("overview") ? "/" : "/dashboards/" + dashboard;
        return Links.permalink(path, at == null ? Map.of() : Map.of("at", at.toString()), in) + "#" + panel.id()
                + "-panel";
    }

    static String embed(String dashboard, DashboardDefinition.Panel panel, LocalDate at, Component in) {
        return Links.permalink(
                "/embed/" + dashboard + "/" + panel.id(), at == null ? Map.of() : Map.of("at", at.toString()), in);
    }
}
