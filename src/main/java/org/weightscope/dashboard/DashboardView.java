package org.weightscope.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.RouteAlias;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;

/** Renders a dashboard file; {@code /} is {@code dashboards/overview.yaml}. */
@AnonymousAllowed
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "dashboards/:id", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DashboardDefinitions dashboards;
    private final AdoptionService adoption;
    private final CatalogueService catalogue;
    private final EventFeed events;
    private final java.time.Clock clock;
    private String title = "Weightscope";

    DashboardView(DashboardDefinitions dashboards, AdoptionService adoption, CatalogueService catalogue, EventFeed events,
            java.util.Optional<java.time.Clock> clock) {
        this.dashboards = dashboards;
        this.adoption = adoption;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock.orElse(java.time.Clock.systemUTC());
        setMaxWidth("1400px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("overview");
        for (String error : dashboards.errors()) {
            Paragraph p = new Paragraph(getTranslation("dashboard.invalid", error));
            p.addClassName("dashboard-error");
            p.getStyle().set("color", "var(--lumo-error-text-color)");
            add(p);
        }
        DashboardDefinition d = dashboards.get(id).orElse(null);
        if (d == null) {
            add(new H2(getTranslation("dashboard.notFound", id)));
            return;
        }
        title = DashboardDefinition.text(d.title(), getLocale()) + " · Weightscope";
        add(new H2(DashboardDefinition.text(d.title(), getLocale())));
        if (!d.description().isEmpty()) {
            add(new Paragraph(DashboardDefinition.text(d.description(), getLocale())));
        }
        catalogue.asOfRange().ifPresent(r -> {
            Paragraph recorded = new Paragraph(getTranslation("caption.recorded", Caption.day(r.from()), Caption.day(r.to())));
            recorded.setId("recorded-note");
            add(recorded);
        });
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(560px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        for (DashboardDefinition.Panel panel : d.panels()) {
            grid.add(render(panel));
        }
        add(grid);
    }

    private com.vaadin.flow.component.Component render(DashboardDefinition.Panel panel) {
        String title = DashboardDefinition.text(panel.title(), getLocale());
        Adoption a = adoption.latest(panel.query());
        Caption caption = new Caption(a);
        String seriesName = getTranslation("metric." + panel.metric().id());
        return switch (panel.chart()) {
            case "area" -> area(panel, title);
            case "headline" -> headline(panel, title);
            case "pie" -> new ChartPanel(panel.id(), title, ChartOptions.pie(a.figures(), seriesName), caption);
            case "stacked-bar" -> new ChartPanel(panel.id(), title,
                    ChartOptions.stackedBar(adoption.crossByOrigin(panel.query(), panel.split()), panel.top()), caption);
            case "table" -> table(panel.id(), title, a, caption);
            default -> new ChartPanel(panel.id(), title, ChartOptions.bar(a.figures(), seriesName), caption);
        };
    }

    /** Weekly share by origin over the panel's weeks, ending at the newest snapshot day. */
    private com.vaadin.flow.component.Component area(DashboardDefinition.Panel panel, String title) {
        java.time.LocalDate end = adoption.latestSnapshotDay(java.time.LocalDate.now(clock)).orElse(java.time.LocalDate.now(clock));
        java.util.List<AdoptionService.Point> points = adoption.weekly(
                new Adoption.Query(panel.metric(), panel.by(), panel.view(), panel.filters(), 100),
                end.minusWeeks(panel.weeks()), end);
        java.util.Map<String, Double> totals = new java.util.HashMap<>();
        points.forEach(p -> p.adoption().figures().forEach(f -> totals.merge(f.key(), f.share(), Double::sum)));
        java.util.List<String> keys = totals.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(panel.top()).map(java.util.Map.Entry::getKey).toList();
        java.util.Map<String, java.util.List<Double>> series = new java.util.LinkedHashMap<>();
        keys.forEach(k -> series.put(k, new java.util.ArrayList<>()));
        series.put("other", new java.util.ArrayList<>());
        java.util.List<String> weeks = new java.util.ArrayList<>();
        for (AdoptionService.Point p : points) {
            weeks.add(p.day().toString());
            double other = 1;
            for (String k : keys) {
                double share = p.adoption().figures().stream().filter(f -> f.key().equals(k)).mapToDouble(Adoption.Figure::share)
                        .findFirst().orElse(0);
                series.get(k).add(share);
                other -= share;
            }
            series.get("other").add(Math.max(0, other));
        }
        Adoption last = points.isEmpty() ? adoption.latest(panel.query()) : points.get(points.size() - 1).adoption();
        return new ChartPanel(panel.id(), title, ChartOptions.shareArea(weeks, series), new Caption(last));
    }

    /**
     * Share by origin now and a month ago, in both views, with the difference; releases by origin and licence
     * changes in the 30 days before the newest snapshot.
     */
    private com.vaadin.flow.component.Component headline(DashboardDefinition.Panel panel, String title) {
        java.time.LocalDate now = adoption.latestSnapshotDay(java.time.LocalDate.now(clock)).orElse(null);
        VerticalLayout box = new VerticalLayout(new com.vaadin.flow.component.html.H3(title));
        box.setPadding(false);
        box.setId(panel.id());
        if (now == null) {
            box.add(new Paragraph("No snapshots yet."));
            return box;
        }
        java.time.LocalDate before = adoption.latestSnapshotDay(now.minusDays(30)).orElse(null);
        record Row(String origin, double uNow, double uThen, double lNow, double lThen) {}
        java.util.Map<String, double[]> rows = new java.util.TreeMap<>();
        Adoption.View[] views = {Adoption.View.UPLOADER, Adoption.View.LINEAGE};
        Adoption shown = null;
        for (int v = 0; v < 2; v++) {
            Adoption.Query q = new Adoption.Query(panel.metric(), Adoption.Dimension.ORIGIN, views[v], panel.filters(), 100);
            Adoption a = adoption.onDay(q, now);
            shown = a;
            for (Adoption.Figure f : a.figures()) {
                rows.computeIfAbsent(f.key(), k -> new double[4])[v * 2] = f.share();
            }
            if (before != null) {
                for (Adoption.Figure f : adoption.onDay(q, before).figures()) {
                    rows.computeIfAbsent(f.key(), k -> new double[4])[v * 2 + 1] = f.share();
                }
            }
        }
        java.util.List<Row> table = rows.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted((a, b) -> Double.compare(b.lNow(), a.lNow())).limit(panel.top()).toList();
        Grid<Row> grid = new Grid<>();
        grid.setId(panel.id() + "-table");
        String then = before == null ? "—" : before.toString();
        grid.addColumn(Row::origin).setHeader(getTranslation("dimension.origin"));
        grid.addColumn(r -> pct(r.uNow())).setHeader(getTranslation("view.uploader") + " " + now);
        grid.addColumn(r -> before == null ? "—" : pct(r.uThen())).setHeader(then);
        grid.addColumn(r -> before == null ? "—" : delta(r.uNow() - r.uThen())).setHeader("Δ");
        grid.addColumn(r -> pct(r.lNow())).setHeader(getTranslation("view.lineage") + " " + now);
        grid.addColumn(r -> before == null ? "—" : pct(r.lThen())).setHeader(then);
        grid.addColumn(r -> before == null ? "—" : delta(r.lNow() - r.lThen())).setHeader("Δ");
        grid.setItems(table);
        grid.setAllRowsVisible(true);
        box.add(grid, new Caption(shown));
        java.time.Instant to = now.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Instant from = to.minus(java.time.Duration.ofDays(30));
        java.util.Map<String, Long> releases = events.countByOrigin(new EventFeed.Filter(ModelEvent.RELEASE, null,
                Adoption.View.LINEAGE, null, null, from, to));
        long licenceChanges = events.count(new EventFeed.Filter(ModelEvent.LICENCE_CHANGE, null, Adoption.View.LINEAGE,
                null, null, from, to));
        Paragraph releaseLine = new Paragraph(getTranslation("headline.releases", from.toString().substring(0, 10),
                now.toString(), releases.isEmpty() ? "0" : releases.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))));
        releaseLine.setId(panel.id() + "-releases");
        Paragraph licenceLine = new Paragraph(getTranslation("headline.licenceChanges", licenceChanges));
        licenceLine.setId(panel.id() + "-licence-changes");
        box.add(releaseLine, licenceLine);
        return box;
    }

    private static String pct(double share) {
        return String.format("%.1f%%", 100 * share);
    }

    private static String delta(double d) {
        return String.format("%+.1f pt", 100 * d);
    }

    private com.vaadin.flow.component.Component table(String id, String title, Adoption a, Caption caption) {
        Grid<Adoption.Figure> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(Adoption.Figure::key).setHeader(getTranslation("table.key"));
        grid.addColumn(f -> String.format("%,.0f", f.value())).setHeader(getTranslation("table.value"));
        grid.addColumn(f -> String.format("%.2f%%", 100 * f.share())).setHeader(getTranslation("table.share"));
        grid.setItems(a.figures());
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new com.vaadin.flow.component.html.H3(title), grid, caption);
        box.setPadding(false);
        return box;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
