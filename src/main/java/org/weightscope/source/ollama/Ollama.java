package org.weightscope.source.ollama;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.weightscope.source.browser.PoliteHttpClient;
import org.weightscope.source.browser.SourceDefinition;

/**
 * Ollama's library, read from ollama.com/search?o=newest (there is no list API). robots.txt is fetched
 * first and a disallowed path is refused; the page is parsed with crawlers/ollama.yaml's selectors.
 */
public final class Ollama {

    public static final String HUB = "ollama";

    private final PoliteHttpClient http;
    private final SearchPageParser parser;

    public Ollama(SourceDefinition source) {
        this(new PoliteHttpClient(source));
    }

    public Ollama(PoliteHttpClient http) {
        this.http = http;
        this.parser = new SearchPageParser(http.source());
    }

    /** The newest-first search page, all models on it; fails as a whole if the layout changed. */
    public List<OllamaModel> fetchNewest() {
        String path = http.source().endpoint("search");
        URI url = http.source().resolve(path);
        return parser.parse(http.get(path, Map.of("Accept", "text/html")), url);
    }

    /** Parses a saved page (recordings) with the given source's selectors. */
    public static List<OllamaModel> parse(String html, URI url, SourceDefinition source) {
        return new SearchPageParser(source).parse(html, url);
    }
}
