package org.weightscope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * The public read API. Answers are aggregates or single catalogue entries; nothing here passes caller text
 * to Elasticsearch other than the search words, which go through a query syntax that cannot fail.
 */
@ReadApi
@Tag(name = ApiDocumentation.TAG)
class ApiController {

    static final String BASE = "/api/v1";
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final int MAX_TOP = 1000;
    static final int MAX_DERIVATIVES = 50;
    static final int MAX_QUERY_LENGTH = 200;
    /** Elasticsearch's default max_result_window: deeper pages would fail in the store, so refuse them here. */
    static final int MAX_WINDOW = 10_000;
    /** The model resource shows both origin views side by side. */
    static final String BOTH_VIEWS = "uploader+lineage";

    private static final Set<String> SEARCH_PARAMS = Set.of("q", "view", "from", "size", "format");
    private static final Set<String> MODEL_PARAMS = Set.of("derivatives", "format");

    private final ModelSearch search;
    private final AttributionRules rules;

    ApiController(ModelSearch search, AttributionRules rules) {
        this.search = search;
        this.rules = rules;
    }

    @GetMapping("/models")
    @Operation(
            summary = "Search the catalogue",
            description = "Words in repo ids, organisations and model cards;"
                    + " without q, the most downloaded first. Facets count every match by each dimension.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Responses.ModelPage.class)))
    @FilterParameters
    @FormatParameter
    ResponseEntity<?> models(
            @Parameter(description = "search words (at most 200 characters)") @RequestParam(required = false) String q,
            @Parameter(description = "origin view of origin filters and facets: lineage (default) or uploader")
                    @RequestParam(required = false)
                    String view,
            @Parameter(description = "offset of the first result, 0–10000") @RequestParam(required = false)
                    Integer from,
            @Parameter(description = "results per page, 0–200 (default 20)") @RequestParam(required = false)
                    Integer size,
            HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        boolean csv = Params.answerCsv(request, SEARCH_PARAMS);
        Adoption.View v = Params.view(view);
        int offset = Params.range("from", from, 0, 0, MAX_WINDOW);
        int n = Params.range("size", size, 20, 0, ModelSearch.MAX_SIZE);
        if (offset + n > MAX_WINDOW) {
            throw new BadParameterException(
                    "from",
                    "from + size must be at most " + MAX_WINDOW
                            + "; narrow the search with q or filters instead of paging this deep");
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new BadParameterException("q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        var filters = Params.filters(parameters);
        ModelSearch.Result r = search.search(new ModelSearch.Query(q, filters, v, offset, n));
        Citation c = new Citation(r.asOf(), null, null, v.id(), rules.version());
        List<ModelResource> results = r.models().stream().map(ModelResource::of).toList();
        if (csv) {
            Csv out = new Csv(c, ModelResource.CSV_HEADER);
            results.forEach(m -> out.row(m.csvRow()));
            return out.response("models");
        }
        Map<String, List<Responses.Facet>> facets = new java.util.LinkedHashMap<>();
        r.facets().forEach((k, list) -> facets.put(k, facets(list)));
        return Responses.json(new Responses.ModelPage(
                Responses.Cited.of(c), q, Params.echo(filters), offset, n, r.total(), results, facets));
    }

    @GetMapping("/models/{hub}/{*id}")
    @Operation(
            summary = "One model with its derivatives",
            description = "hub: huggingface (or hf), modelscope, openrouter, ollama; id: the hub's repo id, slashes"
                    + " included, e.g. /api/v1/models/huggingface/Qwen/Qwen2.5-7B-Instruct")
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = Responses.ModelAnswer.class)))
    @ApiResponse(responseCode = "404", description = "no such model in the catalogue")
    @FormatParameter
    ResponseEntity<?> model(
            @Parameter(description = "huggingface (or hf), modelscope, openrouter, ollama") @PathVariable String hub,
            @Parameter(
                            description =
                                    "the hub's repo id, e.g. meta-llama/Llama-3.3-70B-Instruct; write its slash as is"
                                            + " (an encoded %2F is refused by the server)")
                    @PathVariable
                    String id,
            @Parameter(description = "how many of the most downloaded derivatives to list, 0–50 (default 10)")
                    @RequestParam(required = false)
                    Integer derivatives,
            HttpServletRequest request) {
        boolean csv = Params.answerCsv(request, MODEL_PARAMS);
        ModelPath path = ModelPath.of(hub, id);
        int n = Params.range("derivatives", derivatives, 10, 0, MAX_DERIVATIVES);
        CatalogueModel model = search.find(path.hub(), path.repoId()).orElseThrow(path::notFound);
        ModelResource resource = ModelResource.of(model);
        ModelSearch.Result d = search.derivatives(path.repoId(), n);
        List<ModelResource> top = d.models().stream().map(ModelResource::of).toList();
        String ruleVersion = rules.version();
        Citation c = new Citation(model.asOf(), null, null, BOTH_VIEWS, ruleVersion);
        if (csv) {
            List<String> header = new java.util.ArrayList<>(List.of("role"));
            header.addAll(ModelResource.CSV_HEADER);
            Csv out = new Csv(c, header);
            out.row(withRole("model", resource));
            top.forEach(m -> out.row(withRole("derivative", m)));
            return out.response("model");
        }
        return Responses.json(new Responses.ModelAnswer(
                Responses.Cited.of(c),
                resource,
                new Responses.Derivatives(d.total(), facets(d.facets().getOrDefault("relation", List.of())), top)));
    }

    private static List<Object> withRole(String role, ModelResource m) {
        List<Object> row = new java.util.ArrayList<>();
        row.add(role);
        row.addAll(m.csvRow());
        return row;
    }

    private static List<Responses.Facet> facets(List<ModelSearch.Facet> list) {
        return list.stream().map(f -> new Responses.Facet(f.key(), f.count())).toList();
    }
}
