package org.weightscope.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The API's response bodies. Each starts with the same provenance fields, so clients can cite any answer. */
final class Responses {

    private Responses() {}

    /** Share of a metric by a dimension in one origin view. */
    record AdoptionAnswer(
            @JsonProperty("as_of") String asOf,
            String metric,
            @JsonProperty("metric_version") String metricVersion,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            String by,
            Map<String, List<String>> filters,
            int top,
            double total,
            String definition,
            List<Figure> figures) {}

    /** @param share of the total over every key, 0–1 */
    record Figure(String key, double value, double share) {}

    /** One page of models matching a search, with facet counts over every match. */
    record ModelPage(
            @JsonProperty("as_of") String asOf,
            String metric,
            @JsonProperty("metric_version") String metricVersion,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            String q,
            Map<String, List<String>> filters,
            int from,
            int size,
            long total,
            List<ModelResource> results,
            Map<String, List<Facet>> facets) {}

    record Facet(String key, long count) {}

    /** One model and the models derived from it. */
    record ModelAnswer(
            @JsonProperty("as_of") String asOf,
            String metric,
            @JsonProperty("metric_version") String metricVersion,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            ModelResource model,
            Derivatives derivatives) {}

    /**
     * @param count     every model naming this one as a direct parent
     * @param relations counts by relation (finetune, adapter, quantized, merge)
     * @param top       the most downloaded of them
     */
    record Derivatives(long count, List<Facet> relations, List<ModelResource> top) {}

    /** One week of a series: the snapshot day it was computed on. */
    record Point(String day, @JsonProperty("as_of") String asOf, double total, List<Figure> figures) {}

    record AdoptionSeries(
            @JsonProperty("as_of") String asOf,
            String metric,
            @JsonProperty("metric_version") String metricVersion,
            String view,
            @JsonProperty("rule_version") String ruleVersion,
            String citation,
            String by,
            Map<String, List<String>> filters,
            int top,
            String from,
            String to,
            String definition,
            List<Point> series) {}

    record EventItem(String id, String type, String model, String hub, String organisation, String at, String day,
            @JsonProperty("old_value") String oldValue, @JsonProperty("new_value") String newValue,
            @JsonProperty("old_licence") String oldLicence, @JsonProperty("new_licence") String newLicence,
            @JsonProperty("uploader_origin") List<String> uploaderOrigin,
            @JsonProperty("lineage_origin") List<String> lineageOrigin, boolean recorded) {}

    record Events(@JsonProperty("as_of") String asOf, String view, @JsonProperty("rule_version") String ruleVersion,
            String citation, String type, long total, List<EventItem> events) {}
}
