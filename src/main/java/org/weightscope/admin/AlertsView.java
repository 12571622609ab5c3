package org.weightscope.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.weightscope.alerts.Alert;
import org.weightscope.alerts.WatchlistService;
import org.weightscope.dashboard.MainLayout;

/** The latest alerts of every watchlist with their webhook delivery: status, tries, last error. */
@Route(value = "admin/alerts", layout = MainLayout.class)
@PageTitle("Alerts · Weightscope")
@RolesAllowed(SecurityConfiguration.ADMIN)
public class AlertsView extends VerticalLayout {

    AlertsView(WatchlistService watchlists) {
        add(new H2("Alerts"));
        Grid<Alert> grid = new Grid<>();
        grid.setId("alerts");
        grid.addColumn(a -> String.valueOf(a.raisedAt())).setHeader("Raised");
        grid.addColumn(Alert::ruleType).setHeader("Rule");
        grid.addColumn(Alert::title).setHeader("Alert").setFlexGrow(3);
        grid.addColumn(a -> a.delivery() == null ? "" : a.delivery().status()).setHeader("Webhook");
        grid.addColumn(a -> a.delivery() == null ? 0 : a.delivery().attempts()).setHeader("Tries");
        grid.addColumn(a -> a.delivery() == null || a.delivery().lastError() == null
                        ? ""
                        : a.delivery().lastError())
                .setHeader("Last error")
                .setFlexGrow(2);
        grid.setItems(watchlists.alerts(null, 500));
        add(grid);
        setSizeFull();
    }
}
