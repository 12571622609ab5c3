package org.weightscope.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.weightscope.catalogue.Reattribution;
import org.weightscope.dashboard.MainLayout;
import org.weightscope.scheduling.CrawlScheduler;
import org.weightscope.scheduling.SourceSchedule;

/** Admin home: schedules with run now / pause / resume, re-apply attribution, links to watchlists and alerts. */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Weightscope")
@RolesAllowed(SecurityConfiguration.ADMIN)
public class AdminView extends VerticalLayout {

    private final CrawlScheduler scheduler;
    private final Grid<SourceSchedule> grid = new Grid<>();

    AdminView(CrawlScheduler scheduler, Reattribution reattribution, AuthenticationContext auth) {
        this.scheduler = scheduler;
        add(new H2("Admin"));
        add(new Paragraph(
                scheduler.enabled()
                        ? "Scheduled crawling is on."
                        : "Scheduled crawling is off (weightscope.scheduling.enabled=false): run now still works."));
        grid.setId("admin-sources");
        grid.addColumn(SourceSchedule::sourceId).setHeader("Source");
        grid.addColumn(SourceSchedule::scope).setHeader("Scope");
        grid.addColumn(SourceSchedule::cron).setHeader("Cron (UTC)");
        grid.addColumn(s -> s.nextFire() == null ? "—" : s.nextFire().toString())
                .setHeader("Next run");
        grid.addColumn(s -> s.paused() ? "paused" : "").setHeader("State");
        grid.addComponentColumn(s -> {
                    Button run = new Button(
                            "Run now",
                            e -> act(
                                    () -> scheduler.runNow(s.sourceId(), s.scope()),
                                    "Started " + s.sourceId() + " " + s.scope()));
                    Button pause = new Button(
                            s.paused() ? "Resume" : "Pause",
                            e -> act(
                                    () -> {
                                        if (s.paused()) scheduler.resume(s.sourceId());
                                        else scheduler.pause(s.sourceId());
                                    },
                                    (s.paused() ? "Resumed " : "Paused ") + s.sourceId()));
                    pause.setEnabled(scheduler.enabled());
                    return new HorizontalLayout(run, pause);
                })
                .setHeader("Actions")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh();
        Button reapply = new Button("Re-apply attribution", e -> {
            Reattribution.Result r = reattribution.reapply();
            Notification.show(r.changed() + " of " + r.models() + " models changed (rules " + r.ruleVersion() + ")");
        });
        reapply.setId("reapply-attribution");
        Button logout = new Button("Log out", e -> auth.logout());
        add(
                grid,
                new HorizontalLayout(reapply, logout),
                new HorizontalLayout(
                        new RouterLink("Watchlists", WatchlistsView.class),
                        new RouterLink("Alerts", AlertsView.class),
                        new RouterLink("Saved exposure reports", SavedReportsView.class)));
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(scheduler.schedules());
    }
}
