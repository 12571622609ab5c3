package org.weightscope.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.weightscope.catalogue.AnchorMetrics;

/** The API's response bodies. Each starts with the same provenance fields, so clients can cite any answer. */
final class Responses {

    private Responses() {}

    /** A JSON answer, its content type stated (the same request may ask for CSV instead). */
    static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * What every answer starts with (the {@link Citation}'s fields and its text); metric and its version are
     * null where no metric applies.
     */
    record Cited(
            @JsonProperty("as_of") String asOf,
            String metric,
            @JsonProperty("metric_version") String metricVersion,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation) {

        static Cited of(Citation c) {
            return new Cited(c.asOf(), c.metric(), c.metricVersion(), c.view(), c.ruleVersion(), c.text());
        }
    }

    /** Share of a metric by a dimension in one origin view, as of a day. */
    record AdoptionAnswer(
            @JsonUnwrapped Cited cited,
            @JsonProperty("captured_at") String capturedAt,
            String by,
            Map<String, List<String>> filters,
            int top,
            double total,
            CoverageBody coverage,
            List<String> warnings,
            String definition,
            List<Figure> figures,
            @JsonInclude(JsonInclude.Include.NON_NULL) AnchorMetrics.Flagged flagged,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> relations) {}

    /**
     * What a figure was computed over (see {@link org.weightscope.catalogue.Coverage}).
     *
     * @param captureKinds full-listing, tracked-set, trending-list, newest-page, model-details or other
     */
    record CoverageBody(
            long models,
            long downloads,
            @JsonProperty("captured_from") String capturedFrom,
            @JsonProperty("captured_to") String capturedTo,
            @JsonProperty("freshness_days") int freshnessDays,
            @JsonProperty("left_out_stale") long leftOutStale,
            @JsonProperty("capture_kinds") List<String> captureKinds,
            @JsonProperty("min_models") int minModels,
            boolean thin,
            @JsonProperty("top_model") String topModel,
            @JsonProperty("top_share") double topShare,
            boolean dominated) {

        static CoverageBody of(org.weightscope.catalogue.Coverage c) {
            return new CoverageBody(
                    c.models(),
                    c.downloads(),
                    c.capturedFrom() == null ? null : c.capturedFrom().toString(),
                    c.capturedTo() == null ? null : c.capturedTo().toString(),
                    c.freshnessDays(),
                    c.leftOutStale(),
                    c.captureKinds(),
                    c.minModels(),
                    c.thin(),
                    c.topModel(),
                    c.topShare(),
                    c.dominated());
        }
    }

    /** A metric's definition in one version; {@code current} is the one figures are computed with. */
    record MetricVersion(String id, String version, boolean current, String definition) {}

    /** @param share of the total over every key, 0–1 */
    record Figure(String key, double value, double share) {}

    /** One page of models matching a search, with facet counts over every match. */
    record ModelPage(
            @JsonUnwrapped Cited cited,
            String q,
            Map<String, List<String>> filters,
            int from,
            int size,
            long total,
            List<ModelResource> results,
            Map<String, List<Facet>> facets) {}

    record Facet(String key, long count) {}

    /** One model and the models derived from it. */
    record ModelAnswer(@JsonUnwrapped Cited cited, ModelResource model, Derivatives derivatives) {}

    /**
     * @param count     every model naming this one as a direct parent
     * @param relations counts by relation (finetune, adapter, quantized, merge)
     * @param top       the most downloaded of them
     */
    record Derivatives(long count, List<Facet> relations, List<ModelResource> top) {}

    /** One week of a series: the day it stands for (the week's last day), and what it was computed over. */
    record Point(
            String day,
            @JsonProperty("captured_at") String capturedAt,
            double total,
            CoverageBody coverage,
            List<Figure> figures,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> relations) {}

    record AdoptionSeries(
            @JsonUnwrapped Cited cited,
            String by,
            Map<String, List<String>> filters,
            int top,
            String from,
            String to,
            String sample,
            @JsonProperty("sample_changes") boolean sampleChanges,
            @JsonProperty("sample_models") int sampleModels,
            String note,
            String definition,
            List<Point> series) {}

    record EventItem(
            String id,
            String type,
            String model,
            String hub,
            String organisation,
            String at,
            String day,
            @JsonProperty("old_value") String oldValue,
            @JsonProperty("new_value") String newValue,
            @JsonProperty("old_licence") String oldLicence,
            @JsonProperty("new_licence") String newLicence,
            @JsonProperty("uploader_origin") List<String> uploaderOrigin,
            @JsonProperty("lineage_origin") List<String> lineageOrigin,
            boolean recorded) {}

    record Events(
            @JsonProperty("as_of") String asOf,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            String type,
            long total,
            List<EventItem> events) {}
}
