package org.weightscope.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import org.weightscope.dashboard.MainLayout;
import org.weightscope.exposure.SavedReport;
import org.weightscope.exposure.SavedReports;

/**
 * Saved exposure reports: what each watches and when it was last re-evaluated; saving one is a REST call
 * ({@code POST /api/admin/exposure-reports}), deleting one is here too.
 */
@Route(value = "admin/exposure-reports", layout = MainLayout.class)
@PageTitle("Saved exposure reports · Weightscope")
@RolesAllowed(SecurityConfiguration.ADMIN)
public class SavedReportsView extends VerticalLayout {

    private final SavedReports reports;
    private final Grid<SavedReport> grid = new Grid<>();

    SavedReportsView(SavedReports reports) {
        this.reports = reports;
        add(new H2("Saved exposure reports"));
        grid.setId("saved-reports");
        grid.addColumn(SavedReport::name).setHeader("Name");
        grid.addColumn(r -> r.components().size()).setHeader("Components");
        grid.addColumn(r -> r.components().stream()
                        .filter(c -> "resolved".equals(c.status()))
                        .count())
                .setHeader("Resolved");
        grid.addColumn(r -> Objects.toString(r.origin(), "")).setHeader("Origin");
        grid.addColumn(r -> r.watchlistId() == null ? "" : "/feeds/watchlists/" + r.watchlistId() + ".atom")
                .setHeader("Alerts feed");
        grid.addColumn(r -> String.valueOf(r.evaluatedAt())).setHeader("Evaluated");
        grid.addColumn(SavedReport::ruleVersion).setHeader("Rules");
        grid.addComponentColumn(r -> new Button("Delete", e -> {
            reports.delete(r.id());
            refresh();
        }));
        refresh();
        add(
                new Paragraph("Re-evaluated after every crawl run; a component whose licence or origin changes raises "
                        + "one alert (see Alerts). Save one with POST /api/admin/exposure-reports."),
                grid);
        setSizeFull();
    }

    private void refresh() {
        grid.setItems(reports.all());
    }
}
