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

/** Renders a dashboard file; {@code /} is {@code dashboards/overview.yaml}. */
@AnonymousAllowed
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "dashboards/:id", layout = MainLayout.class)
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DashboardDefinitions dashboards;
    private final AdoptionService adoption;
    private final CatalogueService catalogue;
    private String title = "Weightscope";

    DashboardView(DashboardDefinitions dashboards, AdoptionService adoption, CatalogueService catalogue) {
        this.dashboards = dashboards;
        this.adoption = adoption;
        this.catalogue = catalogue;
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
            case "pie" -> new ChartPanel(panel.id(), title, ChartOptions.pie(a.figures(), seriesName), caption);
            case "stacked-bar" -> new ChartPanel(panel.id(), title,
                    ChartOptions.stackedBar(adoption.crossByOrigin(panel.query(), panel.split()), panel.top()), caption);
            case "table" -> table(panel.id(), title, a, caption);
            default -> new ChartPanel(panel.id(), title, ChartOptions.bar(a.figures(), seriesName), caption);
        };
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
