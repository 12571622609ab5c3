package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.EventFeed;

/**
 * Renders a dashboard file; {@code /} is {@code dashboards/overview.yaml}. Every panel is answered by
 * {@link AdoptionService} for the same as-of day ({@code ?at=yyyy-mm-dd}, default the newest day with captures),
 * so the headline, the pies and the explorer agree to the unit.
 */
@AnonymousAllowed
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "dashboards/:id", layout = MainLayout.class)
public class DashboardView extends RebuiltPage {

    private final DashboardDefinitions dashboards;
    private final AdoptionService adoption;
    private final CatalogueService catalogue;
    private final EventFeed events;

    DashboardView(
            DashboardDefinitions dashboards, AdoptionService adoption, CatalogueService catalogue, EventFeed events) {
        super("1400px", "Weightscope");
        this.dashboards = dashboards;
        this.adoption = adoption;
        this.catalogue = catalogue;
        this.events = events;
    }

    @Override
    void build(BeforeEnterEvent event) {
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
        LocalDate at = at(event.getLocation().getQueryParameters());
        title(DashboardDefinition.text(d.title(), getLocale()) + " · Weightscope");
        add(new H2(DashboardDefinition.text(d.title(), getLocale())));
        if (!d.description().isEmpty()) {
            add(new Paragraph(DashboardDefinition.text(d.description(), getLocale())));
        }
        catalogue.asOfRange().ifPresent(r -> {
            Paragraph recorded =
                    new Paragraph(getTranslation("caption.recorded", Caption.day(r.from()), Caption.day(r.to())));
            recorded.setId("recorded-note");
            add(recorded);
        });
        add(dayPicker(event, at));
        if (d.id().equals("overview")) {
            add(new AnswerPanel(adoption, at), new ComparisonPanel(adoption, at));
        }
        Div grid = panelGrid();
        for (DashboardDefinition.Panel panel : d.panels()) {
            grid.add(render(d.id(), panel, at));
        }
        add(grid);
        // a panel's permalink ends in #<panel>-panel: scroll there once the panels exist
        getElement()
                .executeJs("if (location.hash) { const e = document.getElementById(location.hash.substring(1));"
                        + " if (e) e.scrollIntoView(); }");
    }

    /** Panels side by side where they fit, one column on a phone. */
    static Div panelGrid() {
        return panelGrid("560px");
    }

    /** Panels at least {@code minWidth} wide side by side where they fit, one column on a phone. */
    static Div panelGrid(String minWidth) {
        Div grid = new Div();
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(" + minWidth + ", 100%), 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        return grid;
    }

    /** The as-of day asked for in the URL, or null for the newest day with captures. */
    static LocalDate at(QueryParameters parameters) {
        List<String> values = parameters.getParameters().getOrDefault("at", List.of());
        if (values.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(values.get(0));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Component dayPicker(BeforeEnterEvent event, LocalDate at) {
        DatePicker picker = new DatePicker(getTranslation("explorer.at"));
        picker.setId("as-of-day");
        picker.setLocale(java.util.Locale.CANADA); // yyyy-mm-dd in every UI language
        picker.setValue(
                at != null
                        ? at
                        : adoption.newestDay(Adoption.Metric.DOWNLOADS_30D).orElse(null));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(
                        event.getLocation().getPath(),
                        QueryParameters.simple(Map.of("at", e.getValue().toString()))));
            }
        });
        return picker;
    }

    private Component render(String dashboard, DashboardDefinition.Panel panel, LocalDate at) {
        String title = DashboardDefinition.text(panel.title(), getLocale());
        String seriesName = getTranslation("metric." + panel.metric().id());
        boolean countries = panel.by() == Adoption.Dimension.ORIGIN;
        return switch (panel.chart()) {
            case "area" -> new SharePanel(adoption, dashboard, panel, title, at);
            case "headline" -> new HeadlinePanel(adoption, events, panel, title, at);
            case "stacked-bar" -> {
                Adoption a = adoption.asOf(panel.query(), at);
                var cross = adoption.crossByOrigin(panel.query(), panel.split(), a.at());
                yield new ChartPanel(
                        panel.id(),
                        title,
                        ChartOptions.stackedBar(cross, panel.top(), this::label, k -> Numbers.classLabel(k, this)),
                        new Caption(a),
                        Publications.cross(dashboard, panel, a.at(), cross, this));
            }
            case "table" -> table(panel.id(), title, adoption.asOf(panel.query(), at));
            default -> {
                Adoption a = adoption.asOf(panel.query(), at);
                String option = ChartOptions.figures(panel.chart(), a.figures(), seriesName, this::label, countries);
                yield new ChartPanel(
                        panel.id(), title, option, new Caption(a), Publications.figures(dashboard, panel, a, this));
            }
        };
    }

    private String label(String key) {
        return Numbers.label(key, this);
    }

    private Component table(String id, String title, Adoption a) {
        Grid<Adoption.Figure> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(f -> label(f.key())).setHeader(getTranslation("table.key"));
        grid.addColumn(f -> Numbers.integer(f.value(), getLocale())).setHeader(getTranslation("table.value"));
        grid.addColumn(f -> Numbers.percent(f.share())).setHeader(getTranslation("table.share"));
        grid.setItems(a.figures());
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new H3(title), grid, new Caption(a));
        box.setPadding(false);
        return box;
    }
}
