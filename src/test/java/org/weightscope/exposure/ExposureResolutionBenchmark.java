package org.weightscope.exposure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.weightscope.TestElasticsearch;
import org.weightscope.WeightscopeApplication;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * Server time of one exposure report over a generated inventory (not a test): starts the app against a
 * fresh index prefix on the test Elasticsearch, imports the recordings, then builds a CSV inventory of
 * {@code -Dbench.rows} rows (default 10,000; the limit of one upload) from the stored models — exact ids,
 * upper-cased ids, URLs, bare names, Ollama tags and unknown ids, in that mix — and times
 * {@link ExposureService#report} (parse, resolve, compute with alternatives) {@code -Dbench.runs} times.
 * Run: {@code ./weightscope bench ExposureResolutionBenchmark} (smoke: {@code -Dbench.rows=200 -Dbench.runs=1}).
 */
public final class ExposureResolutionBenchmark {

    public static void main(String[] args) {
        int rows = Integer.getInteger("bench.rows", 10_000);
        int runs = Integer.getInteger("bench.runs", 3);
        String uri = TestElasticsearch.uri().toString();
        // command-line arguments, not default properties: application.yaml's empty uris would override those,
        // and the app would then embed its own Elasticsearch on the default data folder (another app's)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WeightscopeApplication.class)
                .run(
                        "--server.port=0",
                        "--weightscope.elasticsearch.uris=" + uri,
                        "--weightscope.elasticsearch.username=" + TestElasticsearch.username(),
                        "--weightscope.elasticsearch.password=" + TestElasticsearch.password(),
                        "--weightscope.elasticsearch.index-prefix=bench" + System.nanoTime(),
                        "--weightscope.scheduling.enabled=false",
                        "--spring.quartz.job-store-type=memory",
                        "--weightscope.data-dir=target/bench-data")) {
            app.getBean(org.weightscope.ingest.RecordingImport.class).importIfEmpty();
            ModelSearch search = app.getBean(ModelSearch.class);
            List<CatalogueModel> models = search.search(new ModelSearch.Query(
                            null, java.util.Map.of(), Adoption.View.LINEAGE, 0, ModelSearch.MAX_SIZE))
                    .models();
            byte[] csv = inventory(models, rows);
            ExposureService exposure = app.getBean(ExposureService.class);
            System.out.printf(
                    "%nExposure report over %,d rows (%,d bytes, %d catalogue models used), ms:%n",
                    rows, csv.length, models.size());
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                ExposureReport report = exposure.report("inventory.csv", csv, "CN");
                ms[i] = (System.nanoTime() - t) / 1e6;
                long p = System.nanoTime();
                Inventory inventory = exposure.parse("inventory.csv", csv);
                long r = System.nanoTime();
                new Resolver(app.getBean(ModelLookup.class))
                        .resolveAll(inventory.items().stream()
                                .map(InventoryItem::ref)
                                .toList());
                long end = System.nanoTime();
                System.out.printf(
                        "run %d: %,.0f ms (%d resolved, %d ambiguous, %d unknown); alone: parse %,.0f ms, "
                                + "resolve %,.0f ms%n",
                        i + 1,
                        ms[i],
                        report.summary().resolved(),
                        report.summary().ambiguous(),
                        report.summary().unknown(),
                        (r - p) / 1e6,
                        (end - r) / 1e6);
            }
            Arrays.sort(ms);
            System.out.printf("median %,.0f ms, max %,.0f ms%n", ms[runs / 2], ms[runs - 1]);
        }
        System.exit(0);
    }

    static byte[] inventory(List<CatalogueModel> models, int rows) {
        StringBuilder csv = new StringBuilder("model,business_unit,weight\n");
        List<String> refs = new ArrayList<>();
        for (CatalogueModel m : models) {
            String hubPrefix = CatalogueModel.idPrefix(m.hub());
            refs.add(hubPrefix + ":" + m.repoId());
            refs.add(hubPrefix + ":" + m.repoId().toUpperCase(Locale.ROOT));
            if ("huggingface".equals(m.hub())) refs.add("https://huggingface.co/" + m.repoId());
            String name =
                    m.repoId().contains("/") ? m.repoId().substring(m.repoId().lastIndexOf('/') + 1) : m.repoId();
            refs.add(name);
            if ("ollama".equals(m.hub())) refs.add("ollama:" + m.repoId() + ":7b-q4");
        }
        for (int i = 0; i < rows; i++) {
            String ref = i % 7 == 6 ? "hf:acme-internal/private-model-" + i : refs.get(i % refs.size());
            csv.append(ref.contains(",") ? '"' + ref + '"' : ref)
                    .append(",unit-")
                    .append(i % 13)
                    .append(',')
                    .append(1 + i % 5)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ExposureResolutionBenchmark() {}
}
