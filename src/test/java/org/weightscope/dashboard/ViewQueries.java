package org.weightscope.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationContext;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;

/** The data queries a view runs to render, for benchmarks: the overview with all its panels, the explorer. */
public final class ViewQueries {

    private ViewQueries() {}

    /** Every panel of {@code dashboards/overview.yaml} as of the newest day, as the overview renders it. */
    public static Runnable overview(ApplicationContext app) {
        AdoptionService adoption = app.getBean(AdoptionService.class);
        EventFeed events = app.getBean(EventFeed.class);
        DashboardDefinition overview =
                app.getBean(DashboardDefinitions.class).get("overview").orElseThrow();
        return () -> {
            LocalDate now = adoption.newestDay(Adoption.Metric.DOWNLOADS_30D).orElseThrow();
            for (DashboardDefinition.Panel p : overview.panels()) {
                switch (p.chart()) {
                    case "area" -> {
                        adoption.weekly(p.query(), now.minusWeeks(p.weeks()), now, AdoptionService.Sample.ALL);
                        adoption.weekly(p.query(), now.minusWeeks(p.weeks()), now, AdoptionService.Sample.CONSTANT);
                    }
                    case "headline" -> {
                        for (Adoption.View v : Adoption.View.values()) {
                            Adoption.Query q = new Adoption.Query(p.metric(), p.by(), v, p.filters(), 100);
                            adoption.asOf(q, now);
                            adoption.asOf(q, now.minusDays(30));
                        }
                        events.countByOrigin(new EventFeed.Filter(
                                ModelEvent.RELEASE,
                                null,
                                Adoption.View.LINEAGE,
                                null,
                                null,
                                now.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant(),
                                null));
                    }
                    case "stacked-bar" -> {
                        adoption.asOf(p.query(), now);
                        adoption.crossByOrigin(p.query(), p.split(), now);
                    }
                    default -> adoption.asOf(p.query(), now);
                }
            }
        };
    }

    /** The explorer in its default state. */
    public static Runnable explorer(ApplicationContext app) {
        AdoptionService adoption = app.getBean(AdoptionService.class);
        return () -> adoption.asOf(ExplorerView.State.DEFAULT.query());
    }
}
