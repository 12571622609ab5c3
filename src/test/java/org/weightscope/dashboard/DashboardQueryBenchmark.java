package org.weightscope.dashboard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.weightscope.WeightscopeApplication;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.catalogue.ModelSearch;

/**
 * Server time of each view's data queries over the recorded data (not a test): starts the app against a
 * fresh embedded Elasticsearch, imports the recordings, then runs each view's queries 200 times after a
 * warm-up and prints median and p95. Run: {@code ./weightscope bench DashboardQueryBenchmark [runs=200]}; its own
 * Elasticsearch, data folder and a free port ({@link org.weightscope.scale.BenchmarkApp}).
 */
public final class DashboardQueryBenchmark {

    public static void main(String[] args) {
        Map<String, String> arguments = org.weightscope.scale.BenchmarkApp.args(args, "runs");
        final int RUNS = (int) org.weightscope.scale.BenchmarkApp.number(arguments, "runs", 200);
        final int WARMUP = Math.max(1, Math.min(30, RUNS / 5));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WeightscopeApplication.class)
                .run(org.weightscope.scale.BenchmarkApp.properties(
                        org.weightscope.scale.BenchmarkApp.prefix("bench")))) {
            AdoptionService adoption = app.getBean(AdoptionService.class);
            ModelSearch search = app.getBean(ModelSearch.class);
            DashboardDefinitions dashboards = app.getBean(DashboardDefinitions.class);
            EventFeed events = app.getBean(EventFeed.class);
            app.getBean(org.weightscope.ingest.RecordingImport.class).importAll();
            // the computation each view costs, not the answer cache's hits (reused until the store changes)
            app.getBean(org.weightscope.catalogue.FigureCache.class).enabled(false);
            Map<String, Supplier<Object>> views = new LinkedHashMap<>();
            DashboardDefinition overview = dashboards.get("overview").orElseThrow();
            Runnable overviewQueries = ViewQueries.overview(app);
            views.put("overview (all " + overview.panels().size() + " panels)", () -> {
                overviewQueries.run();
                return null;
            });
            views.put(
                    "releases & licence changes (newest 200)",
                    () -> events.recent(EventFeed.Filter.of(ModelEvent.RELEASE), 200));
            views.put("explorer (default state)", () -> adoption.asOf(ExplorerView.State.DEFAULT.query()));
            views.put(
                    "models (q=qwen, origin=CN, facets)",
                    () -> search.search(new ModelSearch.Query(
                            "qwen", Map.of(Adoption.Dimension.ORIGIN, List.of("CN")), Adoption.View.LINEAGE, 0, 100)));
            views.put("model page (find + derivatives)", () -> {
                search.find("huggingface", "Qwen/Qwen2.5-Coder-32B-Instruct");
                return search.derivatives("Qwen/Qwen2.5-Coder-32B-Instruct", 20);
            });
            views.put(
                    "organisations (share by organisation)",
                    () -> adoption.asOf(new Adoption.Query(
                            Adoption.Metric.DOWNLOADS_30D,
                            Adoption.Dimension.ORGANISATION,
                            Adoption.View.UPLOADER,
                            Map.of(),
                            1000)));
            System.out.printf(
                    "%nServer time of each view's data queries (%d runs after %d warm-up; answer cache off), ms:%n",
                    RUNS, WARMUP);
            System.out.printf("%-42s %8s %8s %8s%n", "view", "median", "p95", "max");
            for (Map.Entry<String, Supplier<Object>> view : views.entrySet()) {
                for (int i = 0; i < WARMUP; i++) {
                    view.getValue().get();
                }
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long t = System.nanoTime();
                    view.getValue().get();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(
                        "%-42s %8.1f %8.1f %8.1f%n",
                        view.getKey(), ms[RUNS / 2], ms[(int) (RUNS * 0.95)], ms[RUNS - 1]);
            }
            System.out.printf(
                    "dashboard-queries: runs=%d views=%d models=%d%n",
                    RUNS,
                    views.size(),
                    app.getBean(org.weightscope.catalogue.CatalogueService.class)
                            .modelCount());
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private DashboardQueryBenchmark() {}
}
