package org.weightscope.source.ollama;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.weightscope.source.Cursor;
import org.weightscope.source.DefinedSource;
import org.weightscope.source.Fetcher;
import org.weightscope.source.PageSink;
import org.weightscope.source.RawItem;
import org.weightscope.source.RecordedFiles;
import org.weightscope.source.Recording;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourcePage;

/**
 * Ollama's library as a crawl source: one page, ollama.com/search?o=newest (there is no list API), read with
 * the selectors of crawlers/ollama.yaml after robots.txt allowed it. The page's pull count is ALL-TIME pulls
 * (as rounded on the page, "2.5M"). The page is parsed as a whole before anything is handed on: a changed
 * layout fails the run, naming the selector, and stores nothing. Not a complete listing, so no removals are
 * inferred from it.
 */
public class OllamaSource extends DefinedSource {

    public static final String HUB = "ollama";

    private final Fetcher fetcher;
    private final SearchPageParser parser;

    public OllamaSource(SourceDefinition definition, Fetcher fetcher) {
        super(definition);
        this.fetcher = fetcher;
        this.parser = new SearchPageParser(definition);
    }

    /** The newest-first search page, all models on it; fails as a whole if the layout changed. */
    public List<OllamaModel> fetchNewest() {
        String path = definition.endpoint("search");
        return parser.parse(fetcher.get(path, Map.of("Accept", "text/html")), definition.resolve(path));
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        List<RawItem> items = fetchNewest().stream().map(OllamaModel::toRawItem).toList();
        sink.page(SourcePage.whole(
                from, definition.resolve(definition.endpoint("search")).toString(), items));
    }

    /**
     * The dated saved search pages under {@code <fixtures>/ollama}, parsed with the same selectors as a live
     * page. One newest-first page, not the whole library, so nothing is inferred from the models it leaves out.
     */
    @Override
    public List<Recording> recordings(Path dir) {
        URI url = definition.resolve(definition.endpoint("search"));
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, HUB, "ollama.com-search_o-newest_", ".html")) {
            List<Recording.Item> items = new ArrayList<>();
            for (OllamaModel m : parser.parse(RecordedFiles.read(file), url)) {
                items.add(new Recording.Item(m.toRawItem(), file.name()));
            }
            out.add(new Recording(HUB, file.day(), List.of(file.name()), items, false));
        }
        return out;
    }

    /** Parses a saved page with a definition's selectors. */
    public static List<OllamaModel> parse(String html, URI url, SourceDefinition definition) {
        return new SearchPageParser(definition).parse(html, url);
    }
}
