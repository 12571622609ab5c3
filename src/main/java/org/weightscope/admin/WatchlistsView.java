package org.weightscope.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.weightscope.alerts.WatchRule;
import org.weightscope.alerts.Watchlist;
import org.weightscope.alerts.WatchlistService;
import org.weightscope.dashboard.MainLayout;

/** Create and delete watchlists (one rule per watchlist from this form; the REST API takes several). */
@Route(value = "admin/watchlists", layout = MainLayout.class)
@PageTitle("Watchlists · Weightscope")
@RolesAllowed(SecurityConfiguration.ADMIN)
public class WatchlistsView extends VerticalLayout {

    private final WatchlistService watchlists;
    private final Grid<Watchlist> grid = new Grid<>();

    WatchlistsView(WatchlistService watchlists) {
        this.watchlists = watchlists;
        add(new H2("Watchlists"));
        TextField name = new TextField("Name");
        Select<String> type = new Select<>();
        type.setLabel("Rule");
        type.setItems(
                WatchRule.ORGANISATION_RELEASE, WatchRule.MODEL_CHANGE, WatchRule.ORIGIN_SHARE_MOVE, WatchRule.TOP_N);
        type.setValue(WatchRule.ORGANISATION_RELEASE);
        TextField target = new TextField("Organisation / model ids (comma-separated)");
        NumberField number = new NumberField("Points / top N");
        TextField webhook = new TextField("Webhook URL (optional)");
        Button create = new Button("Create", e -> {
            try {
                String t = type.getValue();
                List<String> ids = Arrays.stream(target.getValue().split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
                Double n = number.getValue();
                WatchRule rule = new WatchRule(
                        null,
                        t,
                        t.equals(WatchRule.ORGANISATION_RELEASE)
                                ? target.getValue().strip()
                                : null,
                        t.equals(WatchRule.MODEL_CHANGE) ? ids : List.of(),
                        "downloads-30d",
                        t.equals(WatchRule.ORIGIN_SHARE_MOVE) ? n : null,
                        t.equals(WatchRule.TOP_N) && n != null ? n.intValue() : null);
                Watchlist w = watchlists.create(name.getValue(), List.of(rule), webhook.getValue(), null);
                Notification.show("Created " + w.name() + "; webhook secret: " + w.secret());
                refresh();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage());
            }
        });
        HorizontalLayout form = new HorizontalLayout(name, type, target, number, webhook, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        grid.setId("watchlists");
        grid.addColumn(Watchlist::name).setHeader("Name");
        grid.addColumn(w -> w.rules().stream().map(WatchRule::type).toList().toString())
                .setHeader("Rules");
        grid.addColumn(w -> w.webhookUrl() == null ? "" : w.webhookUrl()).setHeader("Webhook");
        grid.addColumn(w -> "/feeds/watchlists/" + w.id() + ".atom").setHeader("Atom feed");
        grid.addComponentColumn(w -> new Button("Delete", e -> {
            watchlists.delete(w.id());
            refresh();
        }));
        refresh();
        add(new Paragraph("Rules are evaluated after every crawl run; each occurrence raises one alert."), form, grid);
    }

    private void refresh() {
        grid.setItems(watchlists.all());
    }
}
