package org.weightscope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.AnchorMetrics;
import org.weightscope.catalogue.Periods;

/**
 * {@code GET /api/v1/adoption}: every metric by a dimension in one origin view, as of a day or as a series. The
 * anchors' metrics (derivatives, releases, concentration, first-year downloads, RAM) answer in the same shape;
 * downloads figures carry the share of flagged downloads beside them.
 */
@ReadApi
@Tag(name = ApiDocumentation.TAG)
class AdoptionController {

    private static final Set<String> ADOPTION_PARAMS =
            Set.of("metric", "by", "view", "top", "at", "from", "to", "sample", "format", "period", "relation", "base");

    private final AdoptionService adoption;
    private final AnchorMetrics anchors;

    AdoptionController(AdoptionService adoption, AnchorMetrics anchors) {
        this.adoption = adoption;
        this.anchors = anchors;
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
            content = @Content(schema = @Schema(implementation = Responses.AdoptionAnswer.class)))
    @FilterParameters
    @FormatParameter
    ResponseEntity<?> adoption(
            @Parameter(
                            description = "the metric (definitions and versions: GET /api/v1/metrics)",
                            schema =
                                    @Schema(
                                            type = "string",
                                            defaultValue = "downloads-30d",
                                            allowableValues = {
                                                "downloads-30d",
                                                "models",
                                                "derivatives",
                                                "releases",
                                                "releases-weighted",
                                                "concentration",
                                                "downloads-first-year",
                                                "ram"
                                            }))
                    @RequestParam(required = false)
                    String metric,
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
            @Parameter(
                            description = "derivatives and releases: week (default; 7 days to the as-of day) or month"
                                    + " (the calendar month to it; a series has one point per month)",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"week", "month"}))
                    @RequestParam(required = false)
                    String period,
            @Parameter(
                            description = "derivatives only: finetune, adapter, quantized, merge or unknown",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"finetune", "adapter", "quantized", "merge", "unknown"}))
                    @RequestParam(required = false)
                    String relation,
            @Parameter(
                            description = "derivatives and releases: only models whose lineage root starts with this"
                                    + " (a base family such as Qwen/Qwen2.5, or an organisation's namespace such as Qwen/),"
                                    + " case-insensitive")
                    @RequestParam(required = false)
                    String base,
            HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        boolean csv = Params.answerCsv(request, ADOPTION_PARAMS);
        Adoption.Metric m = Params.metric(metric);
        Adoption.Dimension d = Params.dimension(by);
        Adoption.View v = Params.view(view);
        int n = Params.range("top", top, 50, 1, ApiController.MAX_TOP);
        var filters = Params.filters(parameters);
        java.time.LocalDate day = Params.date("at", at);
        AnchorMetrics.Options options =
                AnchorParams.options(m, new Adoption.Query(m, d, v, filters, n), period, relation, base);
        if (parameters.containsKey("from") || parameters.containsKey("to")) {
            if (day != null) {
                throw new BadParameterException("at", "at answers one day; from/to a series: give one or the other");
            }
            return series(
                    options, filters, Params.date("from", from), Params.date("to", to), Params.sample(sample), csv);
        }
        if (sample != null) {
            throw new BadParameterException("sample", "sample applies to a series (from/to) only");
        }
        Adoption a = m.aggregated() ? adoption.asOf(options.query(), day) : anchors.asOf(options, day);
        Citation c = Citation.of(a);
        List<Responses.Figure> figures = figures(a);
        if (csv) {
            Csv out = new Csv(c, List.of(a.by(), a.metric(), "share"));
            figures.forEach(f -> out.row(List.of(f.key(), f.value(), f.share())));
            return out.response("adoption");
        }
        return Responses.json(new Responses.AdoptionAnswer(
                Responses.Cited.of(c),
                a.asOf() == null ? null : a.asOf().toString(),
                a.by(),
                Params.echo(filters),
                n,
                a.total(),
                Responses.CoverageBody.of(a.coverage()),
                a.coverage().warnings(),
                a.definition(),
                figures,
                anchors.flagged(a, options.query()),
                relations(options, a.at())));
    }

    private Map<String, Double> relations(AnchorMetrics.Options o, java.time.LocalDate day) {
        return o.query().metric() == Adoption.Metric.DERIVATIVES && day != null ? anchors.relations(o, day) : null;
    }

    private static List<Responses.Figure> figures(Adoption a) {
        return a.figures().stream()
                .map(f -> new Responses.Figure(f.key(), f.value(), f.share()))
                .toList();
    }

    /** The weekly series of a query between two days, from the daily snapshots. */
    private ResponseEntity<?> series(
            AnchorMetrics.Options options,
            Map<Adoption.Dimension, List<String>> filters,
            java.time.LocalDate from,
            java.time.LocalDate to,
            AdoptionService.Sample sample,
            boolean csv) {
        Adoption.Metric m = options.query().metric();
        java.time.LocalDate end =
                to != null ? to : adoption.newestDay(m).orElse(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        java.time.LocalDate start = from == null ? end.minusWeeks(26) : from;
        if (start.isAfter(end)) {
            throw new BadParameterException("from", "from must not be after to");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw new BadParameterException("from", "at most ten years at a time");
        }
        Adoption.Dimension d = options.query().by();
        Adoption.View v = options.query().view();
        int n = options.query().top();
        AdoptionService.Series s = m.aggregated()
                ? adoption.weekly(options.query(), start, end, sample)
                : anchors.series(options, start, end);
        List<AdoptionService.Point> points = s.points();
        Adoption last = points.get(points.size() - 1).adoption();
        Citation c = new Citation(
                end.toString(),
                m.id(),
                m.version(),
                v.id(),
                adoption.ruleVersion(),
                options.period().id() + "ly from " + start + ", " + s.sample().id() + " sample");
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
            return out.response("adoption-weekly");
        }
        List<Responses.Point> series = points.stream()
                .map(p -> new Responses.Point(
                        p.day().toString(),
                        p.adoption().asOf() == null ? null : p.adoption().asOf().toString(),
                        p.adoption().total(),
                        Responses.CoverageBody.of(p.adoption().coverage()),
                        figures(p.adoption()),
                        relations(options, p.day())))
                .toList();
        return Responses.json(new Responses.AdoptionSeries(
                Responses.Cited.of(c),
                d.id(),
                Params.echo(filters),
                n,
                start.toString(),
                end.toString(),
                s.sample().id(),
                s.sampleChanges(),
                s.sampleModels(),
                s.note(),
                (options.period() == Periods.MONTH ? "monthly: one point per calendar month, as of its last day; " : "")
                        + "weekly: one point per ISO week, as of its last day (or the range's end) under the as-of rule; a week"
                        + " with no capture in its window has no figures (a gap, not a zero); 30-day downloads are a"
                        + " rolling window and are never summed across days. " + last.definition(),
                series));
    }
}
