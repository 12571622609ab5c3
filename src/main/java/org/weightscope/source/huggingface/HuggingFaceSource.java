package org.weightscope.source.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weightscope.source.Cursor;
import org.weightscope.source.DefinedSource;
import org.weightscope.source.Fetcher;
import org.weightscope.source.PageFailure;
import org.weightscope.source.PageSink;
import org.weightscope.source.RawItem;
import org.weightscope.source.Recording;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourcePage;

/**
 * The Hub as a crawl source. A {@linkplain SourceDefinition.Scope#complete() complete} scope ({@code full}) walks
 * the whole catalogue page by page (a page is handed on before the next is fetched, so nothing accumulates);
 * any other ({@code tracked}) one {@code /api/models?author=<ns>} listing per Hugging Face namespace of the
 * organisation registry (asked of the sink), then the top N by downloads.
 */
public class HuggingFaceSource extends DefinedSource {

    public static final String ID = "huggingface";
    private static final Logger log = LoggerFactory.getLogger(HuggingFaceSource.class);

    private final HuggingFaceSettings settings;
    private final HuggingFaceClient client;

    public HuggingFaceSource(SourceDefinition definition, Fetcher fetcher, Function<String, String> env) {
        super(definition);
        this.settings = definition.bind(HuggingFaceSettings.class);
        this.client = new HuggingFaceClient(fetcher, settings, env);
    }

    public HuggingFaceSource(SourceDefinition definition) {
        this(definition, Fetcher.of(definition), System::getenv);
    }

    public HuggingFaceSettings settings() {
        return settings;
    }

    /** One listing of a scope: its first page and how many items to take at most (0: all). */
    record Listing(String name, URI first, long limit) {}

    List<Listing> listings(String scope, List<String> namespaces) {
        int pageSize = definition.pageSize();
        List<Listing> out = new ArrayList<>();
        if (complete(scope)) {
            out.add(new Listing("all", client.listUrl(Map.of(), pageSize), 0));
            return out;
        }
        for (String ns : namespaces) {
            out.add(new Listing("author:" + ns, client.listUrl(Map.of("author", ns), pageSize), 0));
        }
        if (settings.topN() > 0) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("sort", "downloads");
            q.put("direction", "-1");
            out.add(new Listing(
                    "top:" + settings.topN(), client.listUrl(q, Math.min(pageSize, settings.topN())), settings.topN()));
        }
        return out;
    }

    /** De-duplicated case-insensitively, sorted. */
    static List<String> distinct(List<String> namespaces) {
        TreeMap<String, String> ns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        namespaces.forEach(n -> ns.putIfAbsent(n, n));
        return List.copyOf(ns.values());
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        List<Listing> listings = listings(scope, complete(scope) ? List.of() : distinct(sink.trackedNamespaces(ID)));
        boolean details = settings.detail().scopes().contains(scope)
                && !settings.detail().whenMissing().isEmpty();
        int page = from.page();
        for (int l = from.listing(); l < listings.size(); l++) {
            Listing listing = listings.get(l);
            boolean resuming = l == from.listing() && from.next() != null;
            URI url = resuming ? URI.create(from.next()) : listing.first();
            long seen = resuming ? from.seen() : 0;
            while (url != null) {
                page++;
                try {
                    HuggingFaceClient.ListPage p = client.list(url);
                    List<JsonNode> items = p.items();
                    if (listing.limit() > 0 && seen + items.size() > listing.limit()) {
                        items = items.subList(0, (int) (listing.limit() - seen));
                    }
                    seen += items.size();
                    URI next = listing.limit() > 0 && seen >= listing.limit() ? null : p.next();
                    if (details) {
                        items = withDetails(items, sink);
                    }
                    List<RawItem> raw = new ArrayList<>(items.size());
                    for (JsonNode item : items) {
                        raw.add(HubItems.item(item));
                    }
                    sink.page(new SourcePage(page, url.toString(), raw, resume(l, page, next, seen)));
                    url = next;
                } catch (HuggingFaceClient.PageException e) {
                    URI next = e.next().orElse(null);
                    log.warn(
                            "Page {} of {} given up: {}{}",
                            page,
                            url,
                            e.getMessage(),
                            next == null ? "; rest of listing " + listing.name() + " skipped" : "");
                    sink.failed(new PageFailure(page, url.toString(), e.getMessage()), resume(l, page, next, seen));
                    url = next;
                }
            }
        }
    }

    private static Cursor resume(int listing, int page, URI next, long seen) {
        return next == null ? new Cursor(listing + 1, page, null, 0) : new Cursor(listing, page, next.toString(), seen);
    }

    /** Items lacking a field of {@code detail.whenMissing} are completed from {@code /api/models/{id}}, unless stored unchanged. */
    private List<JsonNode> withDetails(List<JsonNode> items, PageSink sink) {
        List<String> missing = new ArrayList<>();
        for (JsonNode item : items) {
            if (lacks(item)) {
                missing.add(item.path("id").asText());
            }
        }
        if (missing.isEmpty()) {
            return items;
        }
        Map<String, String> stored = sink.storedRevisions(ID, missing);
        List<JsonNode> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            String sha = stored.get(id);
            boolean unchanged = sha != null && sha.equals(item.path("sha").asText(null));
            if (!lacks(item) || unchanged) {
                out.add(item);
                continue;
            }
            try {
                out.add(client.model(id)
                        .map(detail -> {
                            ObjectNode merged = ((ObjectNode) item).deepCopy();
                            merged.setAll((ObjectNode) detail);
                            return (JsonNode) merged;
                        })
                        .orElse(item));
            } catch (HuggingFaceClient.PageException e) {
                log.debug("Detail of {} not fetched: {}", id, e.getMessage());
                out.add(item);
            }
        }
        return out;
    }

    private boolean lacks(JsonNode item) {
        return settings.detail().whenMissing().stream().anyMatch(f -> !item.hasNonNull(f));
    }

    @Override
    public List<Recording> recordings(Path dir) {
        return new HuggingFaceRecordings().readAll(dir);
    }
}
