package org.weightscope.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;
import org.weightscope.scheduling.CrawlScheduler;
import org.weightscope.scheduling.SourceSchedule;

/**
 * Crawl status, public and read-only: each source's schedules with their next run, its latest runs, and
 * the running one with a progress bar refreshed every second (UI polling: no push channel needed). The
 * bar's total is the page count of the scope's last finished run, as a crawl does not know its length in
 * advance; without one it is indeterminate. Admins also get "run now" and "pause/resume".
 */
@AnonymousAllowed
@Route(value = "crawls", layout = MainLayout.class)
@PageTitle("Crawls · Weightscope")
public class CrawlStatusView extends VerticalLayout {

    private static final int RUNS = 10;

    private final CrawlService crawls;
    private final CrawlScheduler scheduler;
    private final boolean admin;
    private final Map<String, SourcePanel> panels = new LinkedHashMap<>();
    private Registration polling;

    CrawlStatusView(CrawlService crawls, CrawlScheduler scheduler, AuthenticationContext auth) {
        this.crawls = crawls;
        this.scheduler = scheduler;
        this.admin = auth.hasRole("ADMIN");
        add(new H2(getTranslation("nav.crawls")));
        for (String source : crawls.sources().keySet()) {
            SourcePanel panel = new SourcePanel(source);
            panels.put(source, panel);
            add(panel);
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) polling.remove();
    }

    private void refresh() {
        List<SourceSchedule> schedules = scheduler.schedules();
        panels.forEach((source, panel) -> panel.show(
                schedules.stream().filter(s -> s.sourceId().equals(source)).toList(),
                crawls.latestRuns(source, null, RUNS)));
    }

    private final class SourcePanel extends VerticalLayout {

        private final String source;
        private final Span schedule = new Span();
        private final Span running = new Span();
        private final ProgressBar progress = new ProgressBar();
        private final Span counts = new Span();
        private final Grid<CrawlRun> runs = new Grid<>();
        private final Button pause = new Button();

        SourcePanel(String source) {
            this.source = source;
            setId("source-" + source);
            setPadding(false);
            schedule.setId("schedule-" + source);
            progress.setId("progress-" + source);
            counts.setId("counts-" + source);
            running.setId("running-" + source);
            progress.setWidth("24em");
            runs.setId("runs-" + source);
            runs.addColumn(CrawlRun::scope).setHeader(getTranslation("crawls.scope"));
            runs.addColumn(r -> r.trigger() == null ? "" : r.trigger()).setHeader(getTranslation("crawls.trigger"));
            runs.addColumn(CrawlRun::status).setHeader(getTranslation("crawls.status"));
            runs.addColumn(r -> String.valueOf(r.startedAt()))
                    .setHeader(getTranslation("crawls.started"))
                    .setAutoWidth(true);
            runs.addColumn(r -> r.endedAt() == null ? "" : r.endedAt().toString())
                    .setHeader(getTranslation("crawls.ended"))
                    .setAutoWidth(true);
            runs.addColumn(CrawlRun::pages).setHeader(getTranslation("crawls.pages"));
            runs.addColumn(CrawlRun::items).setHeader(getTranslation("crawls.models"));
            runs.addColumn(r -> r.failures().size()).setHeader(getTranslation("crawls.failed"));
            runs.setAllRowsVisible(true);
            add(new H3(source), schedule, new HorizontalLayout(running, progress, counts));
            if (admin) {
                HorizontalLayout actions = new HorizontalLayout();
                for (String scope : crawls.sources().get(source)) {
                    Button run = new Button(
                            getTranslation("crawls.runNow", scope), e -> act(() -> scheduler.runNow(source, scope)));
                    run.setId("run-" + source + "-" + scope);
                    actions.add(run);
                }
                pause.setId("pause-" + source);
                actions.add(pause);
                add(actions);
            }
            add(runs);
        }

        void show(List<SourceSchedule> schedules, List<CrawlRun> latest) {
            StringBuilder s = new StringBuilder();
            boolean paused = false;
            for (SourceSchedule sc : schedules) {
                if (!s.isEmpty()) s.append(" · ");
                s.append(sc.scope())
                        .append(" '")
                        .append(sc.cron())
                        .append("' ")
                        .append(getTranslation("crawls.next"))
                        .append(" ")
                        .append(
                                sc.paused()
                                        ? getTranslation("crawls.paused")
                                        : sc.nextFire() == null
                                                ? getTranslation("crawls.notScheduled")
                                                : sc.nextFire().toString());
                paused |= sc.paused();
            }
            schedule.setText(s.toString());
            boolean isPaused = paused;
            pause.setText(getTranslation(paused ? "crawls.resume" : "crawls.pause"));
            pause.setEnabled(scheduler.enabled());
            pauseAction = () -> {
                if (isPaused) scheduler.resume(source);
                else scheduler.pause(source);
            };
            if (pauseRegistration == null) {
                pauseRegistration = pause.addClickListener(e -> act(pauseAction));
            }
            runs.setItems(latest);
            Optional<CrawlRun> current = latest.stream()
                    .filter(r -> CrawlRun.RUNNING.equals(r.status()))
                    .findFirst();
            CrawlRun shown = current.orElse(latest.isEmpty() ? null : latest.getFirst());
            progress.setVisible(current.isPresent());
            if (current.isPresent()) {
                CrawlRun r = current.get();
                running.setText(getTranslation("crawls.running", r.scope(), r.trigger() == null ? "" : r.trigger()));
                long expected = latest.stream()
                        .filter(x -> x.finished() && x.scope().equals(r.scope()) && !x.recorded())
                        .mapToLong(CrawlRun::pages)
                        .findFirst()
                        .orElse(0);
                if (expected > 0) {
                    progress.setIndeterminate(false);
                    progress.setValue(Math.min(0.99, (double) r.pages() / expected));
                } else {
                    progress.setIndeterminate(true);
                }
            } else {
                running.setText(
                        shown == null
                                ? getTranslation("crawls.noRuns")
                                : getTranslation("crawls.lastRun", shown.scope(), shown.status()));
            }
            counts.setText(
                    shown == null
                            ? ""
                            : getTranslation(
                                    "crawls.counts",
                                    shown.pages(),
                                    shown.items(),
                                    shown.failures().size()));
        }

        private Runnable pauseAction;
        private Registration pauseRegistration;

        private void act(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                Notification.show(e.getMessage());
            }
            refresh();
        }
    }
}
