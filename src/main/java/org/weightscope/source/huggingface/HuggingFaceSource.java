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
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.Organization;
import org.weightscope.source.CrawlSource;
import org.weightscope.source.Cursor;
import org.weightscope.source.PageFailure;
import org.weightscope.source.PageSink;
import org.weightscope.source.Recording;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitions;
import org.weightscope.source.SourcePage;

/**
 * The Hub as a crawl source. {@code tracked}: one {@code /api/models?author=<ns>} listing per Hugging Face
 * namespace of the organisation registry, then the top N by downloads; {@code full}: the whole catalogue,
 * page by page (a page is handed on before the next is fetched, so nothing accumulates).
 */
@Component
public class HuggingFaceSource implements CrawlSource {

    public static final String ID = "huggingface";
    private static final Logger log = LoggerFactory.getLogger(HuggingFaceSource.class);

    private final SourceDefinition definition;
    private final HuggingFaceSettings settings;
    private final HuggingFaceClient client;
    // the current rules, not an Attributor captured at start-up: rules can be reloaded without a restart
    private final AttributionRules rules;
    private final CatalogueService catalogue;

    HuggingFaceSource(SourceDefinitions definitions, AttributionRules rules, CatalogueService catalogue) {
        this.definition = definitions.get(ID);
        this.settings = SourceDefinitions.bind(definition, ID, HuggingFaceSettings.class);
        settings.scopes().forEach((name, scope) ->
                SourceDefinitions.checkCron(definition.file(), ID + ".scopes." + name + ".schedule", scope.schedule()));
        this.client = new HuggingFaceClient(definition, settings, System::getenv);
        this.rules = rules;
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> scopes() {
        return settings.scopes().keySet();
    }

    @Override
    public String schedule(String scope) {
        return scope(scope).schedule();
    }

    public HuggingFaceSettings settings() {
        return settings;
    }

    /** One listing of a scope: its first page and how many items to take at most (0: all). */
    record Listing(String name, URI first, long limit) {}

    List<Listing> listings(String scope) {
        HuggingFaceSettings.Scope s = scope(scope);
        int pageSize = definition.pageSize();
        List<Listing> out = new ArrayList<>();
        if (scope.equals("full")) {
            out.add(new Listing("all", client.listUrl(Map.of(), pageSize), 0));
            return out;
        }
        for (String ns : trackedNamespaces()) {
            out.add(new Listing("author:" + ns, client.listUrl(Map.of("author", ns), pageSize), 0));
        }
        if (s.topN() > 0) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("sort", "downloads");
            q.put("direction", "-1");
            out.add(new Listing("top:" + s.topN(), client.listUrl(q, Math.min(pageSize, s.topN())), s.topN()));
        }
        return out;
    }

    /** Every Hugging Face namespace of the registry, de-duplicated case-insensitively, sorted. */
    List<String> trackedNamespaces() {
        TreeMap<String, String> ns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Organization org : rules.current().registry().all()) {
            for (String n : org.namespaces().getOrDefault(ID, List.of())) {
                ns.putIfAbsent(n, n);
            }
        }
        return List.copyOf(ns.values());
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        List<Listing> listings = listings(scope);
        boolean details = settings.detail().scopes().contains(scope) && !settings.detail().whenMissing().isEmpty();
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
                        items = withDetails(items);
                    }
                    List<Observation> observations = new ArrayList<>(items.size());
                    String source = "crawl:" + ID + ":" + scope;
                    for (JsonNode item : items) {
                        observations.add(HubItems.observation(item, asOf, false, source));
                    }
                    sink.page(new SourcePage(page, url.toString(), observations, resume(l, page, next, seen)));
                    url = next;
                } catch (HuggingFaceClient.PageException e) {
                    URI next = e.next().orElse(null);
                    log.warn("Page {} of {} given up: {}{}", page, url, e.getMessage(),
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
    private List<JsonNode> withDetails(List<JsonNode> items) {
        List<String> missing = new ArrayList<>();
        for (JsonNode item : items) {
            if (settings.detail().whenMissing().stream().anyMatch(f -> !item.hasNonNull(f))) {
                missing.add(CatalogueModel.hfId(item.path("id").asText()));
            }
        }
        if (missing.isEmpty()) {
            return items;
        }
        Map<String, CatalogueModel> stored = catalogue.findAll(missing);
        List<JsonNode> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            CatalogueModel known = stored.get(CatalogueModel.hfId(id));
            boolean lacks = settings.detail().whenMissing().stream().anyMatch(f -> !item.hasNonNull(f));
            boolean unchanged = known != null && known.sha() != null && known.sha().equals(item.path("sha").asText(null));
            if (!lacks || unchanged) {
                out.add(item);
                continue;
            }
            try {
                out.add(client.model(id).map(detail -> {
                    ObjectNode merged = ((ObjectNode) item).deepCopy();
                    merged.setAll((ObjectNode) detail);
                    return (JsonNode) merged;
                }).orElse(item));
            } catch (HuggingFaceClient.PageException e) {
                log.debug("Detail of {} not fetched: {}", id, e.getMessage());
                out.add(item);
            }
        }
        return out;
    }

    @Override
    public List<Recording> recordings(Path dir) {
        return new HuggingFaceRecordings().readAll(dir);
    }

    private HuggingFaceSettings.Scope scope(String scope) {
        HuggingFaceSettings.Scope s = settings.scopes().get(scope);
        if (s == null) {
            throw new IllegalArgumentException("source " + ID + " has no scope '" + scope + "' (" + scopes() + ")");
        }
        return s;
    }
}
