package org.weightscope.scale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.TestElasticsearch;

/**
 * What every benchmark shares, so none can touch a user's instance: its own Elasticsearch (a fresh data folder under
 * the temp dir, free ports: {@link TestElasticsearch}), its own app data folder (Quartz store, admin password), a free
 * HTTP port, no scheduled crawls, no recordings import, its own index prefix. Program arguments are
 * {@code name=value} pairs ({@code ./weightscope bench ScaleBenchmark models=1000 days=3}).
 */
public final class BenchmarkApp {

    private BenchmarkApp() {}

    /** {@code name=value} arguments; a bare number is taken as the first name's value (old usage). */
    public static Map<String, String> args(String[] args, String firstName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                out.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (firstName != null) {
                out.put(firstName, a);
            } else {
                throw new IllegalArgumentException("expected name=value, got '" + a + "'");
            }
        }
        return out;
    }

    public static long number(Map<String, String> args, String name, long fallback) {
        String v = args.get(name);
        if (v == null) return fallback;
        v = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        long scale = v.endsWith("m") ? 1_000_000 : v.endsWith("k") ? 1_000 : 1;
        return Long.parseLong(scale == 1 ? v : v.substring(0, v.length() - 1)) * scale;
    }

    /** The app's properties for a benchmark: never port 8080, never the default data folders. */
    public static String[] properties(String prefix, String... more) {
        Path data = TestElasticsearch.newDataDir("weightscope-bench-app");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestElasticsearch.deleteQuietly(data)));
        List<String> out = new ArrayList<>(List.of(
                "--server.port=0",
                "--weightscope.data-dir=" + data,
                "--weightscope.scheduling.enabled=false",
                "--weightscope.recordings.import-on-empty=false",
                "--weightscope.elasticsearch.uris=" + TestElasticsearch.uri(),
                "--weightscope.elasticsearch.username=" + TestElasticsearch.username(),
                "--weightscope.elasticsearch.password=" + TestElasticsearch.password(),
                "--weightscope.elasticsearch.index-prefix=" + prefix,
                "--logging.level.root=warn"));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    public static String prefix(String name) {
        return name + Long.toString(System.currentTimeMillis(), 36);
    }
}
