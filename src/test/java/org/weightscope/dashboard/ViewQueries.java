package org.weightscope.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
        Map<String, Runnable> parts = overviewParts(app);
        return () -> parts.values().forEach(Runnable::run);
    }

    /**
     * The overview's data queries by kind of call (in the order the overview runs them), for a benchmark's breakdown:
     * what of the overview's time each kind takes.
     */
    public static Map<String, Runnable> overviewParts(ApplicationContext app) {
        AdoptionService adoption = app.getBean(AdoptionService.class);
        EventFeed events = app.getBean(EventFeed.class);
        DashboardDefinition overview =
                app.getBean(DashboardDefinitions.class).get("overview").orElseThrow();
        Supplier<LocalDate> now =
                () -> adoption.newestDay(Adoption.Metric.DOWNLOADS_30D).orElseThrow();
        Map<String, List<Runnable>> parts = new LinkedHashMap<>();
        for (DashboardDefinition.Panel p : overview.panels()) {
            switch (p.chart()) {
                case "area" -> {
                    add(parts, "weekly (all models)", () -> {
                        LocalDate at = now.get();
                        adoption.weekly(p.query(), at.minusWeeks(p.weeks()), at, AdoptionService.Sample.ALL);
                    });
                    add(parts, "weekly (constant sample)", () -> {
                        LocalDate at = now.get();
                        adoption.weekly(p.query(), at.minusWeeks(p.weeks()), at, AdoptionService.Sample.CONSTANT);
                    });
                }
                case "headline" -> {
                    add(parts, "as of (headline)", () -> {
                        LocalDate at = now.get();
                        for (Adoption.View v : Adoption.View.values()) {
                            Adoption.Query q = new Adoption.Query(p.metric(), p.by(), v, p.filters(), 100);
                            adoption.asOf(q, at);
                            adoption.asOf(q, at.minusDays(30));
                        }
                    });
                    add(
                            parts,
                            "release events",
                            () -> events.countByOrigin(new EventFeed.Filter(
                                    ModelEvent.RELEASE,
                                    null,
                                    Adoption.View.LINEAGE,
                                    null,
                                    null,
                                    now.get()
                                            .minusDays(30)
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant(),
                                    null)));
                }
                case "stacked-bar" ->
                    add(parts, "cross by origin", () -> {
                        LocalDate at = now.get();
                        adoption.asOf(p.query(), at);
                        adoption.crossByOrigin(p.query(), p.split(), at);
                    });
                default -> add(parts, "as of (panels)", () -> adoption.asOf(p.query(), now.get()));
            }
        }
        Map<String, Runnable> runnables = new LinkedHashMap<>();
        parts.forEach((name, calls) -> runnables.put(name, () -> calls.forEach(Runnable::run)));
        return runnables;
    }

    private static void add(Map<String, List<Runnable>> parts, String name, Runnable call) {
        parts.computeIfAbsent(name, k -> new ArrayList<>()).add(call);
    }

    /** The explorer in its default state. */
    public static Runnable explorer(ApplicationContext app) {
        AdoptionService adoption = app.getBean(AdoptionService.class);
        return () -> adoption.asOf(ExplorerView.State.DEFAULT.query());
    }
}
