package org.weightscope.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One crawl source per definition file: the hub's own code where there is some ({@link HubCrawler}, by id),
 * else the generic crawler of the file's {@code listing:}, chosen by its {@code kind} ({@code json}: JSON paths,
 * {@code html}: CSS selectors). A file that neither has code nor declares a listing stops the start-up.
 */
@Component
public class CrawlSources {

    private final Map<String, CrawlSource> byId = new LinkedHashMap<>();

    public CrawlSources(SourceDefinitions definitions, List<HubCrawler> hubs) {
        Map<String, HubCrawler> code = new LinkedHashMap<>();
        hubs.forEach(h -> code.put(h.id(), h));
        for (SourceDefinition d : definitions.all()) {
            HubCrawler hub = code.get(d.id());
            byId.put(d.id(), hub != null ? hub.create(d) : generic(d));
        }
    }

    static CrawlSource generic(SourceDefinition d) {
        if (d.listing() == null) {
            throw new SourceDefinitionException(
                    d.file(),
                    "listing",
                    "is required: no code crawls '" + d.id()
                            + "', so the file must declare its listing (endpoint, items, fields)");
        }
        return switch (d.kind()) {
            case JSON, HTML -> new ListingSource(d, Fetcher.of(d));
            case BROWSER ->
                throw new SourceDefinitionException(
                        d.file(),
                        "kind",
                        "a browser listing needs code of its own; declare kind json or html for a generic listing");
        };
    }

    public List<CrawlSource> all() {
        return List.copyOf(byId.values());
    }

    public Optional<CrawlSource> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
