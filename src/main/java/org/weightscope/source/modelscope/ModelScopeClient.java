package org.weightscope.source.modelscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.weightscope.source.browser.PoliteHttpClient;

/**
 * Pages through {@code PUT {baseUrl}/api/v1/dolphin/models} until a page has no models. Rate limit,
 * User-Agent and retries on 429 (Retry-After) and 5xx come from {@link PoliteHttpClient} (over
 * java.net.http.HttpClient) and crawlers/modelscope.yaml.
 */
final class ModelScopeClient {

    /** Stops a server that ignores PageNumber from keeping us paging forever. */
    static final int MAX_PAGES = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PoliteHttpClient http;
    private final int pageSize;

    ModelScopeClient(PoliteHttpClient http) {
        this.http = http;
        Integer size = http.source().pageSize();
        if (size == null) throw new ModelScopeException(http.source().id() + ".yaml: required field 'pageSize' is missing");
        this.pageSize = size;
    }

    List<ScopeModel> listAll() {
        List<ScopeModel> all = new ArrayList<>();
        String previousFirst = null;
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) throw new ModelScopeException("modelscope: more than " + MAX_PAGES + " pages; stopping");
            ListingPage p = page(page);
            if (p.models().isEmpty()) return all;
            String first = p.models().getFirst().repoId();
            // the same page twice means PageNumber is being ignored: fail rather than store duplicates
            if (Objects.equals(first, previousFirst)) {
                throw new ModelScopeException("modelscope: page " + page + " repeats page " + (page - 1) + " (first model " + first + ")");
            }
            previousFirst = first;
            all.addAll(p.models());
        }
    }

    ListingPage page(int pageNumber) {
        URI uri = http.source().resolve(http.source().endpoint("models"));
        return ListingParser.parse(http.send("PUT", uri, body(pageSize, pageNumber), Map.of("Accept", "application/json")),
                "PUT " + uri + " page " + pageNumber);
    }

    /** The body ModelScope's own site sends, with no filter (all models). */
    static String body(int pageSize, int pageNumber) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("PageSize", pageSize);
        b.put("PageNumber", pageNumber);
        b.put("SortBy", "Default");
        b.put("Target", "");
        b.put("Criterion", List.of());
        b.put("SingleCriterion", List.of());
        try {
            return JSON.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
