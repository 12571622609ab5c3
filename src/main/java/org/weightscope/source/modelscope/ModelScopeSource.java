package org.weightscope.source.modelscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.weightscope.shared.Json;
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
 * ModelScope's listing ({@code PUT /api/v1/dolphin/models} with a JSON paging body) as a crawl source: the
 * whole listing page by page until a page is empty (a complete scope, so a finished run lets ingest record
 * models no longer listed). The cursor's page is the last page handed on.
 */
public class ModelScopeSource extends DefinedSource {

    public static final String HUB = "modelscope";
    /** Stops a server that ignores PageNumber from keeping us paging forever. */
    static final int MAX_PAGES = 5_000;

    private static final ObjectMapper JSON = Json.mapper();

    private final Fetcher fetcher;

    public ModelScopeSource(SourceDefinition definition, Fetcher fetcher) {
        super(withPageSize(definition));
        this.fetcher = fetcher;
    }

    private static SourceDefinition withPageSize(SourceDefinition definition) {
        if (definition.pageSize() == 0) {
            throw new ModelScopeException(definition.file() + ": field 'pageSize' is required");
        }
        return definition;
    }

    @Override
    public void crawl(String scope, Cursor from, Instant asOf, PageSink sink) {
        URI uri = definition.resolve(definition.endpoint("models"));
        String previousFirst = null;
        long seen = from.seen();
        for (int page = from.page() + 1; ; page++) {
            if (page > MAX_PAGES) {
                throw new ModelScopeException("modelscope: more than " + MAX_PAGES + " pages; stopping");
            }
            String where = "PUT " + uri + " page " + page;
            ListingPage p = ListingParser.parse(
                    fetcher.send("PUT", uri, body(definition.pageSize(), page), Map.of("Accept", "application/json")),
                    where);
            if (p.models().isEmpty()) return;
            String first = p.models().getFirst().repoId();
            // the same page twice means PageNumber is being ignored: fail rather than store duplicates
            if (Objects.equals(first, previousFirst)) {
                throw new ModelScopeException(
                        "modelscope: page " + page + " repeats page " + (page - 1) + " (first model " + first + ")");
            }
            previousFirst = first;
            List<RawItem> items = new ArrayList<>(p.models().size());
            for (ScopeModel m : p.models()) {
                items.add(m.toRawItem());
            }
            seen += items.size();
            sink.page(
                    new SourcePage(page, "PUT " + uri + " PageNumber=" + page, items, new Cursor(0, page, null, seen)));
        }
    }

    /**
     * The dated listing bodies under {@code <fixtures>/modelscope}. Each is one page of a filtered listing
     * (e.g. tag lora), not the whole listing, so nothing is inferred from the models it leaves out.
     */
    @Override
    public List<Recording> recordings(Path dir) {
        List<Recording> out = new ArrayList<>();
        for (RecordedFiles.Dated file : RecordedFiles.find(dir, HUB, "dolphin-models_", ".json")) {
            List<Recording.Item> items = new ArrayList<>();
            for (ScopeModel m :
                    ListingParser.parse(RecordedFiles.read(file), file.name()).models()) {
                items.add(new Recording.Item(m.toRawItem(), file.name()));
            }
            out.add(new Recording(HUB, file.day(), List.of(file.name()), items, false));
        }
        return out;
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
