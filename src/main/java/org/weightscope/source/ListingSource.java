package org.weightscope.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hub declared as data: its {@code listing:} fetched (following {@code Link: rel="next"} when it says
 * {@code next: link}) and mapped by {@link ListingMapper}; its bundled captures read the same way. Every scope
 * walks the same listing; a {@code complete} scope lets ingest record what it no longer lists.
 */
final class ListingSource extends DefinedSource {

    private final Fetcher fetcher;
    private final ListingMapper mapper;

    ListingSource(SourceDefinition definition, Fetcher fetcher) {
        super(definition);
        this.fetcher = fetcher;
        this.mapper = new ListingMapper(definition);
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        SourceDefinition.Listing listing = definition.listing();
        if (from.listing() > 0) return; // the listing was walked to its end
        URI url = from.next() != null
                ? URI.create(from.next())
                : definition.resolve(definition.endpoint(listing.endpoint()));
        long seen = from.seen();
        for (int page = from.page() + 1; url != null; page++) {
            Fetcher.Response r = fetcher.fetch("GET", url, null, Map.of("Accept", accept()), BodyCheck.DECLARED);
            if (!r.ok()) {
                throw new SourceException(definition.id() + ": GET " + url + " answered " + r.status()
                        + (r.problem() == null ? "" : " with " + r.problem()) + " after " + r.attempts() + " attempts");
            }
            List<RawItem> items = mapper.items(r.text(), url);
            URI next = "link".equals(listing.next()) ? Fetcher.nextLink(r.headers(), url) : null;
            seen += items.size();
            sink.page(new SourcePage(
                    page,
                    url.toString(),
                    items,
                    new Cursor(next == null ? 1 : 0, page, next == null ? null : next.toString(), seen)));
            url = next;
        }
    }

    private String accept() {
        return definition.kind() == SourceDefinition.Kind.HTML ? "text/html" : "application/json";
    }

    @Override
    public List<Recording> recordings(Path dir) {
        SourceDefinition.Recordings rec = definition.listing().recordings();
        if (rec == null) return List.of();
        List<Recording> out = new ArrayList<>();
        URI url = definition.resolve(definition.endpoint(definition.listing().endpoint()));
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, rec.folder(), rec.prefix(), rec.suffix())) {
            List<Recording.Item> items = mapper.items(RecordedFiles.read(file), url).stream()
                    .map(i -> new Recording.Item(i, file.name()))
                    .toList();
            out.add(new Recording(definition.id(), file.day(), List.of(file.name()), items, rec.complete()));
        }
        return out;
    }
}
