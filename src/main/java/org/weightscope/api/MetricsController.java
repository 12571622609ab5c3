package org.weightscope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/** The metrics' definitions, current and earlier versions, so any citation can be looked up. */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
@RequestMapping(path = ApiController.BASE)
@Tag(name = ApiDocumentation.TAG)
class MetricsController {

    private final AdoptionService adoption;

    MetricsController(AdoptionService adoption) {
        this.adoption = adoption;
    }

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Every metric version and its definition",
            description = "The current versions and the earlier ones, so a citation of an older figure"
                    + " (\"metric downloads-30d v1\") can still be looked up.")
    ResponseEntity<?> metrics(HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), Set.of());
        List<Responses.MetricVersion> out = new java.util.ArrayList<>();
        for (Adoption.Metric m : Adoption.Metric.values()) {
            out.add(new Responses.MetricVersion(m.id(), m.version(), true, m.definition()));
        }
        Adoption.Metric.EARLIER.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String[] idVersion = e.getKey().split(" v");
                    out.add(new Responses.MetricVersion(idVersion[0], idVersion[1], false, e.getValue()));
                });
        return Responses.json(Map.of(
                "metrics", out, "freshness_days", adoption.figureSettings().freshnessDays()));
    }
}
