package org.weightscope.scale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.weightscope.ingest.HuggingFaceCrawlBenchmark;

/**
 * A Hugging Face Hub of {@code models} repos with a simulated history over {@code days} days, served on the fly in
 * the Hub's API shape ({@code GET /api/models?…&expand[]=…}, paged with {@code Link: <…>; rel="next"}) by a local
 * HTTP server on a free loopback port. Nothing big is ever on disk or in memory: every item is a pure function of
 * (seed, model number, day).
 *
 * <p>Each generated model takes the shape of one recorded Hub item (the 751 list items and full bodies of
 * {@code crawlers/fixtures/huggingface}), drawn by hash, so namespaces, pipeline tags, licence tags, base-model
 * relations (tags and card data) and parameter counts follow the recordings' distributions. Its history:
 * <ul>
 *   <li>90 % of the models exist on day 0, the rest are released evenly over the following days (new releases
 *       every day);</li>
 *   <li>30-day downloads are heavy-tailed (Pareto, α ≈ 0.9, scaled by the template's own count), ramp up over a new
 *       model's first 30 days, then trend (a fifth grow up to 3 %/day, a third decay up to 4 %/day, the rest drift),
 *       with ±10 % daily noise;</li>
 *   <li>2 % are removed on a day of the history (no longer listed from then on);</li>
 *   <li>1 % change licence on a day of the history (the {@code license:} tag and card data change).</li>
 * </ul>
 * Set {@link #day(int)} before each day's crawl; the listing then serves the models alive that day.
 */
public final class GeneratedHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LICENCES = {
        "apache-2.0", "mit", "other", "llama3.1", "cc-by-nc-4.0", "gemma", "openrail", "unknown"
    };

    private final long models;
    private final int days;
    private final long seed;
    private final int pageSize;
    private final List<ObjectNode> templates;
    private final HttpServer server;
    private final long initial;
    private volatile int day;

    public GeneratedHub(long models, int days, long seed, int pageSize) throws IOException {
        this.models = models;
        this.days = Math.max(1, days);
        this.seed = seed;
        this.pageSize = pageSize;
        this.templates = HuggingFaceCrawlBenchmark.templates();
        this.initial = days <= 1 ? models : Math.max(1, models * 9 / 10);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/api/models", exchange -> {
            try {
                String path = exchange.getRequestURI().getPath();
                if (!path.equals("/api/models") && !path.equals("/api/models/")) {
                    exchange.sendResponseHeaders(404, -1); // details are never needed by a full listing
                    return;
                }
                String query = exchange.getRequestURI().getRawQuery();
                long cursor = 0;
                boolean filtered = false;
                for (String p : query == null ? new String[0] : query.split("&")) {
                    if (p.startsWith("cursor=")) cursor = Long.parseLong(p.substring(7));
                    if (p.startsWith("author=") || p.startsWith("search=")) filtered = true;
                }
                int today = day;
                List<ObjectNode> page = new ArrayList<>(pageSize);
                long n = cursor;
                while (!filtered && n < models && page.size() < pageSize) {
                    if (alive(n, today)) page.add(item(n, today));
                    n++;
                }
                while (n < models && !alive(n, today)) n++;
                if (!filtered && n < models) {
                    String self = exchange.getRequestURI().toString().replaceAll("&cursor=\\d+", "");
                    String base = "http://" + exchange.getRequestHeaders().getFirst("Host");
                    exchange.getResponseHeaders().add("Link", "<" + base + self + "&cursor=" + n + ">; rel=\"next\"");
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody();
                        JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
                    gen.writeStartArray();
                    for (ObjectNode item : page) gen.writeTree(item);
                    gen.writeEndArray();
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The simulated day (0 … days−1) the listing serves from now on. */
    public void day(int day) {
        this.day = day;
    }

    /** Models listed on {@code day}. */
    public long aliveOn(int day) {
        long n = 0;
        for (long i = 0; i < models; i++) if (alive(i, day)) n++;
        return n;
    }

    /** Models whose licence changes on one of the days. */
    public long licenceChanges() {
        long n = 0;
        for (long i = 0; i < models; i++) if (licenceDay(i) >= 0) n++;
        return n;
    }

    int created(long n) {
        if (n < initial) return 0;
        return (int) (1 + (n - initial) * (days - 1) / Math.max(1, models - initial));
    }

    /** Day the model is no longer listed, or −1. */
    int removed(long n) {
        if (days < 2 || h(n, 2) % 100 >= 2) return -1;
        int c = created(n);
        if (c >= days - 1) return -1;
        return c + 1 + (int) (h(n, 3) % (days - 1 - c));
    }

    /** Day of the model's licence change, or −1. */
    int licenceDay(long n) {
        if (days < 2 || h(n, 4) % 100 >= 1) return -1;
        int c = created(n);
        if (c >= days - 1) return -1;
        return c + 1 + (int) (h(n, 5) % (days - 1 - c));
    }

    boolean alive(long n, int day) {
        int r = removed(n);
        return created(n) <= day && (r < 0 || day < r);
    }

    /** 30-day downloads of model n on day d. */
    long downloads(long n, int d) {
        ObjectNode t = template(n);
        double u = (h(n, 6) % 1_000_000 + 1) / 1_000_000.0;
        double pareto = Math.pow(u, -1.0 / 0.9); // ≥ 1, heavy tail
        double scale = Math.max(1, Math.log10(1 + t.path("downloads").asLong()));
        double base = 3 * pareto * scale;
        int age = d - created(n);
        double ramp = Math.min(1, (age + 1) / 30.0);
        long kind = h(n, 7) % 100;
        double rate = kind < 20
                ? 0.03 * (h(n, 8) % 100) / 100
                : kind < 53 ? -0.04 * (h(n, 8) % 100) / 100 : 0.005 * ((h(n, 8) % 200) - 100) / 100.0;
        double trend = Math.exp(rate * Math.min(age, 120));
        double noise = 0.9 + 0.2 * (h(n, 1000 + d) % 1000) / 1000.0;
        return Math.max(0, Math.round(base * ramp * trend * noise));
    }

    ObjectNode template(long n) {
        return templates.get((int) (h(n, 1) % templates.size()));
    }

    ObjectNode item(long n, int d) {
        ObjectNode t = template(n);
        ObjectNode item = t.deepCopy();
        String id = t.get("id").asText() + "-g" + n;
        item.put("id", id).put("modelId", id).put("_id", Long.toHexString(seed) + Long.toHexString(n));
        item.put("downloads", downloads(n, d));
        item.put("downloadsAllTime", downloads(n, d) * (1 + (d - created(n)) / 30));
        item.put("likes", h(n, 9) % 50);
        LocalDate created = LocalDate.of(2026, 1, 1).plusDays(created(n));
        item.put("createdAt", created + "T08:00:00.000Z");
        item.put("lastModified", created + "T08:00:00.000Z");
        item.put("sha", Long.toHexString(h(n, 10)));
        int change = licenceDay(n);
        if (change >= 0 && d >= change) {
            String licence = LICENCES[(int) (h(n, 11) % LICENCES.length)];
            ArrayNode tags = JSON.createArrayNode();
            t.path("tags").forEach(tag -> {
                if (!tag.asText().startsWith("license:")) tags.add(tag);
            });
            tags.add("license:" + licence);
            item.set("tags", tags);
            if (item.path("cardData").isObject()) ((ObjectNode) item.get("cardData")).put("license", licence);
        }
        return item;
    }

    private long h(long n, long salt) {
        long x = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        x ^= x >>> 30;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return x & Long.MAX_VALUE;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
