package org.weightscope.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * The public read API. Answers are aggregates or single catalogue entries; nothing here passes caller text
 * to Elasticsearch other than the search words, which go through a query syntax that cannot fail.
 */
@RestController
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Weightscope read API",
                        version = "v1",
                        description =
                                "Public, anonymous, read-only figures of the open-weight AI ecosystem as shown in the"
                                        + " Weightscope views. Every answer carries as_of, metric and metric_version (where a metric"
                                        + " applies), view, rule_version and a citation; CSV answers start with the citation as a '# ' line."
                                        + " Errors are {\"error\", \"parameter\"} JSON."))
// public and anonymous: notebooks and other sites may read it from a browser (no credentials involved)
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
@RequestMapping(
        path = ApiController.BASE,
        produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
@Tag(
        name = "Weightscope read API",
        description = "Adoption of open-weight models by origin, organisation, sector,"
                + " hardware and licence class; model search and lookup. Every answer carries as_of, metric, view,"
                + " rule_version and a citation. JSON by default; CSV with format=csv or Accept: text/csv.")
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

    private static final Set<String> ADOPTION_PARAMS =
            Set.of("metric", "by", "view", "top", "at", "from", "to", "sample", "format");
    private static final Set<String> SEARCH_PARAMS = Set.of("q", "view", "from", "size", "format");
    private static final Set<String> MODEL_PARAMS = Set.of("derivatives", "format");

    private final AdoptionService adoption;
    private final ModelSearch search;
    private final AttributionRules rules;

    ApiController(AdoptionService adoption, ModelSearch search, AttributionRules rules) {
        this.adoption = adoption;
        this.search = search;
        this.rules = rules;
    }

    @GetMapping("/adoption")
    @Operation(
            summary = "Share of a metric by a dimension, in one origin view, as of a day",
            description = "As of a day D (at=, default: the newest day with captures): each model's newest capture"
                    + " within the freshness window ending at D (7 days by default), never an older one; a model seen"
                    + " removed stops counting from that day. coverage says what the figures were computed over;"
                    + " warnings name a thin sample or a total dominated by one model. A model credited to several"
                    + " countries splits its value evenly. Figures beyond top count in the total only. With from/to:"
                    + " a weekly series under the same rule.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Responses.AdoptionAnswer.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "bad parameter",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiError.class)))
    @FilterParameters
    ResponseEntity<?> adoption(
            @Parameter(description = "downloads-30d (default) or models") @RequestParam(required = false) String metric,
            @Parameter(description = "origin (default), organisation, sector, hardware-class, licence-class or hub")
                    @RequestParam(required = false)
                    String by,
            @Parameter(description = "origin view: lineage (default) or uploader") @RequestParam(required = false)
                    String view,
            @Parameter(description = "at most this many keys, 1–1000 (default 50)") @RequestParam(required = false)
                    Integer top,
            @Parameter(description = "the as-of day (ISO yyyy-mm-dd), default the newest day with captures")
                    @RequestParam(required = false)
                    String at,
            @Parameter(
                            description =
                                    "start day (ISO yyyy-mm-dd): answers a weekly series, one point per ISO week as of"
                                            + " its last day (Sunday)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "end day (ISO yyyy-mm-dd) of a series, default the newest day with captures")
                    @RequestParam(required = false)
                    String to,
            @Parameter(
                            description = "series only: all (default; every model captured in each week's window) or"
                                    + " constant (only the models counted in every week with data)")
                    @RequestParam(required = false)
                    String sample,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        Params.onlyKnown(parameters, ADOPTION_PARAMS);
        boolean csv = Params.csv(format, accept);
        Adoption.Metric m = Params.metric(metric);
        Adoption.Dimension d = Params.dimension(by);
        Adoption.View v = Params.view(view);
        int n = Params.range("top", top, 50, 1, MAX_TOP);
        var filters = Params.filters(parameters);
        java.time.LocalDate day = Params.date("at", at);
        if (parameters.containsKey("from") || parameters.containsKey("to")) {
            if (day != null) {
                throw new BadParameterException("at", "at answers one day; from/to a series: give one or the other");
            }
            return series(
                    m, d, v, n, filters, Params.date("from", from), Params.date("to", to), Params.sample(sample), csv);
        }
        if (sample != null) {
            throw new BadParameterException("sample", "sample applies to a series (from/to) only");
        }
        Adoption a = adoption.asOf(new Adoption.Query(m, d, v, filters, n), day);
        Citation c = Citation.of(a);
        List<Responses.Figure> figures = figures(a);
        if (csv) {
            Csv out = new Csv(c, List.of(a.by(), a.metric(), "share"));
            figures.forEach(f -> out.row(List.of(f.key(), f.value(), f.share())));
            return csv(out, "adoption");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Responses.AdoptionAnswer(
                        c.asOfText(),
                        a.asOf() == null ? null : a.asOf().toString(),
                        a.metric(),
                        a.metricVersion(),
                        a.view(),
                        a.ruleVersion(),
                        c.text(),
                        a.by(),
                        Params.echo(filters),
                        n,
                        a.total(),
                        Responses.CoverageBody.of(a.coverage()),
                        a.coverage().warnings(),
                        a.definition(),
                        figures));
    }

    private static List<Responses.Figure> figures(Adoption a) {
        return a.figures().stream()
                .map(f -> new Responses.Figure(f.key(), f.value(), f.share()))
                .toList();
    }

    /** The weekly series of a query between two days, from the daily snapshots. */
    private ResponseEntity<?> series(
            Adoption.Metric m,
            Adoption.Dimension d,
            Adoption.View v,
            int n,
            Map<Adoption.Dimension, List<String>> filters,
            java.time.LocalDate from,
            java.time.LocalDate to,
            AdoptionService.Sample sample,
            boolean csv) {
        java.time.LocalDate end =
                to != null ? to : adoption.newestDay(m).orElse(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        java.time.LocalDate start = from == null ? end.minusWeeks(26) : from;
        if (start.isAfter(end)) {
            throw new BadParameterException("from", "from must not be after to");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw new BadParameterException("from", "at most ten years at a time");
        }
        AdoptionService.Series s = adoption.weekly(new Adoption.Query(m, d, v, filters, n), start, end, sample);
        List<AdoptionService.Point> points = s.points();
        Adoption last = points.get(points.size() - 1).adoption();
        Citation c = new Citation(
                end.toString(),
                m.id(),
                m.version(),
                v.id(),
                adoption.ruleVersion(),
                "weekly from " + start + ", " + s.sample().id() + " sample");
        if (csv) {
            Csv out = new Csv(c, List.of("day", d.id(), m.id(), "share", "models", "captured_from", "captured_to"));
            for (AdoptionService.Point p : points) {
                var cov = p.adoption().coverage();
                if (cov.empty()) {
                    out.row(java.util.Arrays.asList(p.day().toString(), null, null, null, 0, null, null));
                }
                figures(p.adoption())
                        .forEach(f -> out.row(List.of(
                                p.day().toString(),
                                f.key(),
                                f.value(),
                                f.share(),
                                cov.models(),
                                cov.capturedFrom().toString(),
                                cov.capturedTo().toString())));
            }
            return csv(out, "adoption-weekly");
        }
        List<Responses.Point> series = points.stream()
                .map(p -> new Responses.Point(
                        p.day().toString(),
                        p.adoption().asOf() == null ? null : p.adoption().asOf().toString(),
                        p.adoption().total(),
                        Responses.CoverageBody.of(p.adoption().coverage()),
                        figures(p.adoption())))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Responses.AdoptionSeries(
                        c.asOfText(),
                        m.id(),
                        m.version(),
                        v.id(),
                        adoption.ruleVersion(),
                        c.text(),
                        d.id(),
                        Params.echo(filters),
                        n,
                        start.toString(),
                        end.toString(),
                        s.sample().id(),
                        s.sampleChanges(),
                        s.sampleModels(),
                        s.note(),
                        "weekly: one point per ISO week, as of its last day (or the range's end) under the as-of rule; a week"
                                + " with no capture in its window has no figures (a gap, not a zero); 30-day downloads are a"
                                + " rolling window and are never summed across days. " + last.definition(),
                        series));
    }

    @GetMapping("/models")
    @Operation(
            summary = "Search the catalogue",
            description = "Words in repo ids, organisations and model cards;"
                    + " without q, the most downloaded first. Facets count every match by each dimension.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Responses.ModelPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "bad parameter",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiError.class)))
    @FilterParameters
    ResponseEntity<?> models(
            @Parameter(description = "search words (at most 200 characters)") @RequestParam(required = false) String q,
            @Parameter(description = "origin view of origin filters and facets: lineage (default) or uploader")
                    @RequestParam(required = false)
                    String view,
            @Parameter(description = "offset of the first result, 0–10000") @RequestParam(required = false)
                    Integer from,
            @Parameter(description = "results per page, 0–200 (default 20)") @RequestParam(required = false)
                    Integer size,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        Params.onlyKnown(parameters, SEARCH_PARAMS);
        boolean csv = Params.csv(format, accept);
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
            return csv(out, "models");
        }
        Map<String, List<Responses.Facet>> facets = new java.util.LinkedHashMap<>();
        r.facets().forEach((k, list) -> facets.put(k, facets(list)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Responses.ModelPage(
                        c.asOfText(),
                        null,
                        null,
                        v.id(),
                        rules.version(),
                        c.text(),
                        q,
                        Params.echo(filters),
                        offset,
                        n,
                        r.total(),
                        results,
                        facets));
    }

    @GetMapping("/models/{hub}/{*id}")
    @Operation(
            summary = "One model with its derivatives",
            description = "hub: huggingface (or hf), modelscope, openrouter, ollama; id: the hub's repo id, slashes"
                    + " included, e.g. /api/v1/models/huggingface/Qwen/Qwen2.5-7B-Instruct")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Responses.ModelAnswer.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "404",
            description = "no such model in the catalogue",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiError.class)))
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
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), MODEL_PARAMS);
        boolean csv = Params.csv(format, accept);
        String hubId = Params.HUBS.get(hub.toLowerCase(Locale.ROOT));
        if (hubId == null) {
            throw new BadParameterException(
                    "hub",
                    "unknown hub '" + Params.shorten(hub)
                            + "' (use huggingface or hf, modelscope, openrouter, ollama)");
        }
        String repoId = id.startsWith("/") ? id.substring(1) : id; // {*id} captures the leading slash
        if (repoId.isBlank()) {
            throw new BadParameterException(
                    "id",
                    "give the model's repo id after the hub, e.g. " + BASE
                            + "/models/huggingface/Qwen/Qwen2.5-7B-Instruct");
        }
        int n = Params.range("derivatives", derivatives, 10, 0, MAX_DERIVATIVES);
        CatalogueModel model = search.find(hubId, repoId).orElseThrow(() -> new ModelNotFoundException(hubId, repoId));
        ModelResource resource = ModelResource.of(model);
        ModelSearch.Result d = search.derivatives(repoId, n);
        List<ModelResource> top = d.models().stream().map(ModelResource::of).toList();
        String ruleVersion = rules.version();
        Citation c = new Citation(model.asOf(), null, null, BOTH_VIEWS, ruleVersion);
        if (csv) {
            List<String> header = new java.util.ArrayList<>(List.of("role"));
            header.addAll(ModelResource.CSV_HEADER);
            Csv out = new Csv(c, header);
            out.row(withRole("model", resource));
            top.forEach(m -> out.row(withRole("derivative", m)));
            return csv(out, "model");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Responses.ModelAnswer(
                        c.asOfText(),
                        null,
                        null,
                        BOTH_VIEWS,
                        ruleVersion,
                        c.text(),
                        resource,
                        new Responses.Derivatives(
                                d.total(), facets(d.facets().getOrDefault("relation", List.of())), top)));
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

    private static ResponseEntity<String> csv(Csv csv, String name) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"weightscope-" + name + ".csv\"")
                .body(csv.toString());
    }
}
