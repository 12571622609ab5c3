package org.weightscope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AnchorMetrics;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.RelativeAdoption;

/** One model's download-quality flags and its RAM curve against its size class's top-10 cutoff. */
@ReadApi
@Tag(name = ApiDocumentation.TAG)
class ModelMetricsController {

    private final AnchorMetrics anchors;
    private final AttributionRules rules;

    ModelMetricsController(AnchorMetrics anchors, AttributionRules rules) {
        this.anchors = anchors;
        this.rules = rules;
    }

    /** The answer: the model, its flags, its size class, and its RAM by day since release. */
    record ModelMetricsAnswer(
            String metric,
            String metric_version,
            String rule_version,
            String citation,
            String id,
            String hub,
            List<String> quality_flags,
            String size_class,
            String released,
            Boolean partial,
            Double latest_ram,
            String no_curve_because,
            String definition,
            List<RelativeAdoption.Point> ram,
            Map<Integer, Long> cutoff) {}

    @GetMapping("/model-metrics/{hub}/{*id}")
    @Operation(
            summary = "One model's RAM curve and download-quality flags",
            description = "ram: ATOM's Relative Adoption Metric v2 by day since release (t), only on days with a"
                    + " capture; cutoff: the model's size class's monotonic top-10 cutoff on every day it has one."
                    + " quality_flags: ci-inflated, gguf-files, download-jump (see GET /api/v1/metrics).")
    @FormatParameter
    ResponseEntity<?> model(
            @Parameter(description = "huggingface (or hf), modelscope, openrouter, ollama") @PathVariable String hub,
            @Parameter(description = "the hub's repo id, e.g. Qwen/Qwen2.5-7B-Instruct") @PathVariable String id,
            HttpServletRequest request) {
        boolean csv = Params.answerCsv(request, Set.of("format"));
        ModelPath path = ModelPath.of(hub, id);
        AnchorMetrics.ModelMetrics m = anchors.model(path.modelId()).orElseThrow(path::notFound);
        Adoption.Metric ram = Adoption.Metric.RAM;
        RelativeAdoption.Curve c = m.curve();
        Citation citation = new Citation(
                c == null || c.points().isEmpty()
                        ? null
                        : c.points().get(c.points().size() - 1).day().toString(),
                ram.id(),
                ram.version(),
                ApiController.BOTH_VIEWS,
                rules.version(),
                null);
        if (csv) {
            Csv out = new Csv(citation, List.of("t", "day", "downloads", "cutoff", "ram"));
            if (c != null) {
                c.points()
                        .forEach(p -> out.row(java.util.Arrays.asList(
                                p.t(), p.day().toString(), p.downloads(), p.cutoff(), p.ram())));
            }
            return out.response("ram");
        }
        return Responses.json(new ModelMetricsAnswer(
                ram.id(),
                ram.version(),
                rules.version(),
                citation.text(),
                path.repoId(),
                path.hub(),
                m.flags(),
                m.sizeClass(),
                c == null ? null : c.released().toString(),
                c == null ? null : c.partial(),
                c == null ? null : c.latest(),
                m.reason(),
                ram.definition(),
                c == null ? List.of() : c.points(),
                m.cutoff()));
    }
}
